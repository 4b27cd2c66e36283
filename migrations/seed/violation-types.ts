/**
 * The controlled vocabulary of violation types for incidents. Codes are stable identifiers
 * stored on incidents; labels and descriptions are our own wording. `coi` is the chapter of the
 * UN Commission of Inquiry on the DPRK (2014) the type falls under, where one fits
 * (legal-reference.md §5.2: COI-A thought, expression, religion; COI-B discrimination; COI-C
 * movement and refoulement; COI-D food; COI-E detention, torture, executions, prison camps;
 * COI-F abductions of foreign nationals).
 *
 * Pure data: imports nothing. Inserted by migration IncidentsPerpetratorsPlaces; to change the
 * vocabulary, add a migration (codes already used by incidents must never be removed).
 */
export interface SeedViolationType {
  code: string;
  label: string;
  description: string;
  coi: 'COI-A' | 'COI-B' | 'COI-C' | 'COI-D' | 'COI-E' | 'COI-F' | null;
}

export const VIOLATION_TYPES: SeedViolationType[] = [
  { code: 'arbitrary_detention', label: 'Arbitrary detention', description: 'Deprivation of liberty without a legal basis or due process, including detention in a political prison camp without trial.', coi: 'COI-E' },
  { code: 'enforced_disappearance', label: 'Enforced disappearance', description: 'Arrest, detention or abduction by or with the consent of the state, followed by a refusal to acknowledge it or to say where the person is.', coi: 'COI-E' },
  { code: 'torture', label: 'Torture', description: 'Severe physical or mental pain or suffering inflicted on purpose on a person in custody or under control, for example during interrogation.', coi: 'COI-E' },
  { code: 'inhumane_treatment', label: 'Cruel, inhuman or degrading treatment', description: 'Ill-treatment short of torture: beatings, stress positions, humiliation, inhumane conditions of detention.', coi: 'COI-E' },
  { code: 'execution', label: 'Execution or killing', description: 'Killing by agents of the state, including public, summary and secret executions and deaths from beatings.', coi: 'COI-E' },
  { code: 'death_in_custody', label: 'Death in custody', description: 'Death of a detained person from starvation, disease, exhaustion from forced labour or lack of medical care.', coi: 'COI-E' },
  { code: 'forced_labour', label: 'Forced labour', description: 'Work exacted under threat of punishment, including labour in prison camps and labour-training camps.', coi: 'COI-E' },
  { code: 'starvation', label: 'Starvation and deprivation of food', description: 'Deliberate deprivation of food or of the means to obtain it, including starvation rations in detention.', coi: 'COI-D' },
  { code: 'sexual_violence', label: 'Sexual violence', description: 'Rape and other sexual violence, including in detention, after forced repatriation, or by officials abusing their power.', coi: null },
  { code: 'forced_abortion_infanticide', label: 'Forced abortion or infanticide', description: 'Abortion forced on a woman, in particular after repatriation from China, or the killing of her newborn child.', coi: null },
  { code: 'forced_repatriation', label: 'Forced repatriation', description: 'Return of a person against their will to a country where they face persecution, for example from China to the DPRK.', coi: 'COI-C' },
  { code: 'denial_of_movement', label: 'Denial of freedom of movement', description: 'Restrictions on moving within the country or on leaving it, and punishment for trying to.', coi: 'COI-C' },
  { code: 'forcible_transfer', label: 'Forcible transfer or deportation', description: 'Forced displacement from where a person lawfully lives, including banishment of families to remote areas.', coi: 'COI-C' },
  { code: 'religious_persecution', label: 'Religious persecution', description: 'Punishment for religious belief or practice, such as owning a Bible, praying, or contact with missionaries.', coi: 'COI-A' },
  { code: 'suppression_of_expression', label: 'Suppression of thought and expression', description: 'Punishment for speech, opinions, or access to foreign media and information.', coi: 'COI-A' },
  { code: 'political_persecution', label: 'Persecution on political grounds', description: 'Deprivation of rights because of political opinion, perceived disloyalty or social class (songbun).', coi: 'COI-B' },
  { code: 'discrimination', label: 'Discrimination', description: 'Unequal treatment because of songbun, gender, disability or another status.', coi: 'COI-B' },
  { code: 'guilt_by_association', label: 'Punishment of relatives', description: 'Detention or punishment of family members for what one of them did or is accused of.', coi: 'COI-E' },
  { code: 'abduction_foreign_nationals', label: 'Abduction of foreign nationals', description: 'Abduction or enforced disappearance of people from other countries.', coi: 'COI-F' },
  { code: 'other', label: 'Other violation', description: 'A violation not covered by the other types; describe it in the incident.', coi: null },
];
