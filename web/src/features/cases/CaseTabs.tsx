import { CaseTabPlaceholder } from './CasePage';

// Placeholder until the people screens replace it (issue 15); testimonies and members have theirs.
export const CasePeopleTab = () => <CaseTabPlaceholder tab="people" />;
