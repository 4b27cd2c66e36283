import { CaseTabPlaceholder } from './CasePage';

// Placeholders until the people, testimonies and members screens replace them (issue 15).
export const CasePeopleTab = () => <CaseTabPlaceholder tab="people" />;
export const CaseTestimoniesTab = () => <CaseTabPlaceholder tab="testimonies" />;
export const CaseMembersTab = () => <CaseTabPlaceholder tab="members" />;
