import { CaseTabPlaceholder } from './CasePage';

// Placeholders until the people and testimonies screens replace them (issue 15); members: MembersTab.
export const CasePeopleTab = () => <CaseTabPlaceholder tab="people" />;
export const CaseTestimoniesTab = () => <CaseTabPlaceholder tab="testimonies" />;
