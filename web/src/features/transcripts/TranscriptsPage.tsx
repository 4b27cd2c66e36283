import { Anchor, Divider, Stack } from '@mantine/core';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle';
import { TestimonyFilesSlot } from '../files/FilesPanel';
import { TestimonyTranscriptsSlot } from './TranscriptsPanel';

const route = getRouteApi('/cases/$caseId/testimonies/$testimonyId/transcripts');

/** A testimony's transcripts, redactions and files on a page of their own. */
export function TranscriptsPage() {
  const { t } = useTranslation();
  const { caseId, testimonyId } = route.useParams();
  return (
    <Stack>
      <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/cases/$caseId/testimonies" params={{ caseId }} activeOptions={{ exact: true }} />}>
        {t('transcripts.backToTestimonies')}
      </Anchor>
      <PageTitle title={t('transcripts.pageTitle')} />
      <TestimonyTranscriptsSlot caseId={caseId} testimonyId={testimonyId} />
      <Divider />
      <TestimonyFilesSlot caseId={caseId} testimonyId={testimonyId} />
    </Stack>
  );
}
