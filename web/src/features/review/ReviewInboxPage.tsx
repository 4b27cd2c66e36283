import { Alert, Anchor, Badge, Button, Card, Group, Loader, Modal, Pagination, Stack, Text, Textarea, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { PseudonymBadge } from '../../components/PseudonymBadge';
import { useLinkComments } from '../evidence/queries';
import { useApproveLink, useApproveRedaction, useReturnLink, useReturnRedaction, useReviews, type ReviewItem } from './queries';

const PAGE = 50;

/** Everything waiting for my review across my cases, oldest first: approve, or send back with a comment. */
export function ReviewInboxPage() {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const reviews = useReviews((page - 1) * PAGE);
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <PageTitle title={t('reviews.title')} />
      <Stack>
        <Text c="dimmed">{t('reviews.intro')}</Text>
        {done && (
          <Alert color="green" variant="light" role="status" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setDone(null)}>
            {done}
          </Alert>
        )}
        {reviews.isPending && <Loader aria-label={t('common.loading')} />}
        {reviews.error && <ErrorAlert error={reviews.error} />}
        {reviews.data && <Text>{t('reviews.count', { n: new Intl.NumberFormat(i18n.language).format(reviews.data.total) })}</Text>}
        {reviews.data && reviews.data.items.length === 0 && <Text>{t('reviews.empty')}</Text>}
        <Stack component="ul" gap="md" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('reviews.listLabel')}>
          {reviews.data?.items.map((r) => (
            <li key={r.id}>{r.kind === 'evidence_link' ? <LinkReview item={r} onDone={setDone} /> : <RedactionReview item={r} onDone={setDone} />}</li>
          ))}
        </Stack>
        {reviews.data && reviews.data.total > PAGE && <Pagination total={Math.ceil(reviews.data.total / PAGE)} value={page} onChange={setPage} />}
      </Stack>
    </>
  );
}

function Waiting({ item }: { item: ReviewItem }) {
  const { t, i18n } = useTranslation();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Text size="sm" c="dimmed">
      {t('reviews.waitingSince')} <time dateTime={item.waitingSince}>{when.format(new Date(item.waitingSince))}</time> · {item.caseTitle}
    </Text>
  );
}

function LinkReview({ item, onDone }: { item: ReviewItem; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const approve = useApproveLink();
  const sendBack = useReturnLink();
  const [returning, setReturning] = useState(false);
  const [history, setHistory] = useState(false);
  const comments = useLinkComments(item.caseId, item.id, history);
  const crime = i18n.language.startsWith('ko') && item.crimeTitleKo ? item.crimeTitleKo : item.crimeTitle;
  const heading = t('reviews.linkHeading', { item: item.itemCode ?? '', element: item.elementCode ?? '' });
  return (
    <Card withBorder component="article" aria-label={heading}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <Badge variant="light">{t('reviews.kinds.evidence_link')}</Badge>
            <Title order={2} size="h5">
              {heading}
            </Title>
          </Group>
          <Waiting item={item} />
        </Group>
        <Text>
          {crime} · {item.elementCode} · {item.relation ? t(`evidence.relations.${item.relation}`) : ''}
        </Text>
        {item.quote && <Text fs="italic">“{item.quote}”</Text>}
        {item.itemId && (
          <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/cases/$caseId/evidence/$itemId" params={{ caseId: item.caseId, itemId: item.itemId! }} />}>
            {t('reviews.openItem', { code: item.itemCode ?? '' })} {item.itemTitle ? `— ${item.itemTitle}` : ''}
          </Anchor>
        )}
        {(approve.error || sendBack.error) && <ErrorAlert error={approve.error ?? sendBack.error} />}
        <Group>
          <Button loading={approve.isPending} onClick={() => approve.mutate(item, { onSuccess: () => onDone(t('reviews.approved', { what: heading })) })}>
            {t('reviews.approve')}
          </Button>
          <Button variant="default" onClick={() => setReturning(true)}>
            {t('reviews.sendBack')}
          </Button>
          <Button variant="subtle" aria-expanded={history} onClick={() => setHistory((h) => !h)}>
            {t(history ? 'reviews.hideHistory' : 'reviews.showHistory')}
          </Button>
        </Group>
        {history && (
          <Stack gap={4} aria-label={t('reviews.historyOf', { what: heading })} role="region">
            {comments.isPending && <Loader size="sm" aria-label={t('common.loading')} />}
            {comments.data?.length === 0 && <Text size="sm" c="dimmed">{t('reviews.noComments')}</Text>}
            {comments.data?.map((c) => (
              <Text key={c.id} size="sm">
                <b>{c.authorName}</b> ({t(`reviews.commentKinds.${c.kind}`)}, <time dateTime={c.createdAt}>{new Date(c.createdAt).toLocaleString(i18n.language)}</time>): {c.body}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
      {returning && (
        <SendBackModal
          title={heading}
          pending={sendBack.isPending}
          error={sendBack.error}
          onClose={() => setReturning(false)}
          onSubmit={(comment) => sendBack.mutate({ item, comment }, { onSuccess: () => { setReturning(false); onDone(t('reviews.returned', { what: heading })); } })}
        />
      )}
    </Card>
  );
}

function RedactionReview({ item, onDone }: { item: ReviewItem; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const approve = useApproveRedaction();
  const sendBack = useReturnRedaction();
  const [returning, setReturning] = useState(false);
  const heading = t('reviews.redactionHeading', { profile: item.profile ?? '' });
  return (
    <Card withBorder component="article" aria-label={heading}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <Badge variant="light" color="violet">
              {t('reviews.kinds.redaction')}
            </Badge>
            <Title order={2} size="h5">
              {heading}
            </Title>
            {item.intervieweeCode && <PseudonymBadge code={item.intervieweeCode} />}
          </Group>
          <Waiting item={item} />
        </Group>
        <Text size="sm">{t('reviews.spans', { n: String(item.spanCount ?? 0) })}</Text>
        {item.testimonyId && (
          <Anchor size="sm" renderRoot={(props) => <Link {...props} to="/cases/$caseId/testimonies/$testimonyId/transcripts" params={{ caseId: item.caseId, testimonyId: item.testimonyId! }} />}>
            {t('reviews.openRedaction')}
          </Anchor>
        )}
        {(approve.error || sendBack.error) && <ErrorAlert error={approve.error ?? sendBack.error} />}
        <Group>
          <Button loading={approve.isPending} onClick={() => approve.mutate(item, { onSuccess: () => onDone(t('reviews.approved', { what: heading })) })}>
            {t('reviews.approveUnchanged')}
          </Button>
          <Button variant="default" onClick={() => setReturning(true)}>
            {t('reviews.sendBack')}
          </Button>
        </Group>
      </Stack>
      {returning && (
        <SendBackModal
          title={heading}
          pending={sendBack.isPending}
          error={sendBack.error}
          onClose={() => setReturning(false)}
          onSubmit={(comment) => sendBack.mutate({ item, comment }, { onSuccess: () => { setReturning(false); onDone(t('reviews.returned', { what: heading })); } })}
        />
      )}
    </Card>
  );
}

function SendBackModal({ title, pending, error, onClose, onSubmit }: { title: string; pending: boolean; error: unknown; onClose: () => void; onSubmit: (comment: string) => void }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  return (
    <Modal opened onClose={onClose} title={t('reviews.sendBackTitle', { what: title })} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack>
        <Textarea label={t('reviews.comment')} description={t('reviews.commentHint')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={3} maxLength={5000} required data-autofocus />
        {error ? <ErrorAlert error={error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button disabled={!comment.trim()} loading={pending} onClick={() => onSubmit(comment)}>
            {t('reviews.sendBackConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
