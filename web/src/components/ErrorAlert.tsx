import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../api/errors';

/** Shows any failed call in the user's language, with the fields a 400 names. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  const fields = error instanceof ApiError ? error.fieldProblems : [];
  const correlationId = error instanceof ApiError && error.status >= 500 ? error.correlationId : undefined;
  return (
    <Alert color="red" variant="light" title={title ?? t('errors.title')} role="alert">
      {errorMessage(t, error)}
      {fields.length > 0 && (
        <List size="sm" mt="xs">
          {fields.map((f) => (
            <List.Item key={f.field}>{t('errors.field', { field: f.field })}</List.Item>
          ))}
        </List>
      )}
      {correlationId && <div>{t('errors.correlation', { id: correlationId })}</div>}
    </Alert>
  );
}
