import { CaseTabPlaceholder } from './CasePage';

// Placeholders until the people and members screens replace them (issue 15).
export const CasePeopleTab = () => <CaseTabPlaceholder tab="people" />;
export const CaseMembersTab = () => <CaseTabPlaceholder tab="members" />;
