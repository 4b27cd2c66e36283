import { Alert, List, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { readPasswordProblems } from './passwordFeedback';

/** The API's verdict on a refused password, in words (and the strength as a labelled bar). */
export function PasswordFeedback({ problems }: { problems: string[] }) {
  const { t } = useTranslation();
  const read = readPasswordProblems(problems);
  if (read.length === 0) return null;
  const weak = read.find((p) => p.kind === 'weak');
  return (
    <Alert color="red" variant="light" title={t('admin.password.refused')} role="alert">
      <Stack gap="xs">
        {weak && (
          <>
            <Text size="sm">{t('admin.password.strength', { score: weak.score, needed: weak.needed })}</Text>
            <Progress value={(weak.score / 4) * 100} color="orange" aria-label={t('admin.password.strengthBar', { score: weak.score })} />
          </>
        )}
        <List size="sm">
          {read.map((p, i) => {
            if (p.kind === 'length') return <List.Item key={i}>{t('admin.password.tooShort', { min: p.min })}</List.Item>;
            if (p.kind === 'personal') return <List.Item key={i}>{t('admin.password.personal')}</List.Item>;
            if (p.kind === 'same') return <List.Item key={i}>{t('admin.password.same')}</List.Item>;
            if (p.kind === 'weak') {
              return (
                <List.Item key={i}>
                  {t('admin.password.weak')}
                  {p.hint && (
                    <Text component="span" size="sm" lang="en">
                      {' '}
                      ({p.hint})
                    </Text>
                  )}
                </List.Item>
              );
            }
            return (
              <List.Item key={i} lang="en">
                {p.text}
              </List.Item>
            );
          })}
        </List>
      </Stack>
    </Alert>
  );
}
