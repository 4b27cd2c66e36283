import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldError } from './field-error';
import { useCreateCase } from './queries';

/** Opens a case (title, description); the creator becomes its lead and lands on its members. */
export function CreateCaseModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateCase();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [touched, setTouched] = useState(false);
  const titleMissing = touched && !title.trim();

  const close = () => {
    setTitle('');
    setDescription('');
    setTouched(false);
    create.reset();
    onClose();
  };

  return (
    <Modal closeButtonProps={{ 'aria-label': t('cases.close') }} opened={opened} onClose={close} title={t('cases.create.title')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (!title.trim()) return;
          create.mutate(
            { title: title.trim(), description: description.trim() || undefined },
            {
              onSuccess: (created) => {
                close();
                void navigate({ to: '/cases/$caseId/members', params: { caseId: created.id } });
              },
            },
          );
        }}
      >
        <Stack>
          <TextInput
            label={t('cases.fields.title')}
            withAsterisk
            maxLength={300}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={titleMissing ? t('cases.fields.titleRequired') : fieldError(t, create.error, 'title')}
            data-autofocus
          />
          <Textarea
            label={t('cases.fields.description')}
            description={t('cases.fields.descriptionHelp')}
            autosize
            minRows={3}
            maxLength={10000}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={fieldError(t, create.error, 'description')}
          />
          {create.error && <ErrorAlert error={create.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('cases.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('cases.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
