import {
  EVIDENCE_STATUSES,
  EVIDENCE_TYPES,
  FACT_TYPES,
  PERSON_ROLES,
  type EntityKind,
} from '../core/register.ts';

/** How a field is edited and which i18n group names its choices. */
export interface FieldSpec {
  name: string;
  input: 'text' | 'textarea' | 'date' | 'select' | 'pages' | 'entities' | 'entity' | 'file';
  /** For `entities` and `entity`: which register kind the field lists (or picks one of). */
  of?: EntityKind;
  options?: readonly string[];
  /** i18n key prefix of the options' labels, e.g. `roles`. */
  optionLabels?: string;
  /** Shown only for a statement (evidence whose source is `statement`). */
  statementOnly?: boolean;
}

const notes: FieldSpec = { name: 'notes', input: 'textarea' };
const pages: FieldSpec = { name: 'pages', input: 'pages' };

/** The form of each kind, in the order a prosecutor fills it in. */
export const FORM_FIELDS: Record<EntityKind, FieldSpec[]> = {
  person: [
    { name: 'name', input: 'text' },
    { name: 'role', input: 'select', options: PERSON_ROLES, optionLabels: 'roles' },
    { name: 'birthDate', input: 'date' },
    { name: 'idNumber', input: 'text' },
    { name: 'address', input: 'text' },
    pages,
    notes,
  ],
  evidence: [
    { name: 'name', input: 'text' },
    {
      name: 'evidenceType',
      input: 'select',
      options: EVIDENCE_TYPES,
      optionLabels: 'evidenceTypes',
    },
    { name: 'description', input: 'textarea' },
    { name: 'collectedAt', input: 'date' },
    { name: 'collectedPlace', input: 'text' },
    { name: 'collectedBy', input: 'text' },
    { name: 'status', input: 'select', options: EVIDENCE_STATUSES, optionLabels: 'statuses' },
    { name: 'givenBy', input: 'entity', of: 'person', statementOnly: true },
    { name: 'givenAt', input: 'text', statementOnly: true },
    { name: 'recordName', input: 'text', statementOnly: true },
    { name: 'document', input: 'file', statementOnly: true },
    pages,
    notes,
  ],
  event: [
    { name: 'name', input: 'text' },
    { name: 'start', input: 'text' },
    { name: 'end', input: 'text' },
    { name: 'place', input: 'text' },
    { name: 'people', input: 'entities', of: 'person' },
    { name: 'evidence', input: 'entities', of: 'evidence' },
    { name: 'description', input: 'textarea' },
    pages,
    notes,
  ],
  fact: [
    { name: 'name', input: 'text' },
    { name: 'factType', input: 'select', options: FACT_TYPES, optionLabels: 'factTypes' },
    { name: 'text', input: 'textarea' },
    pages,
    notes,
  ],
  place: [{ name: 'name', input: 'text' }, { name: 'address', input: 'text' }, pages, notes],
};

/** The table columns of each kind (besides the name). */
export const TABLE_COLUMNS: Record<EntityKind, FieldSpec[]> = {
  person: [FORM_FIELDS.person[1]!, FORM_FIELDS.person[2]!, pages],
  evidence: [FORM_FIELDS.evidence[1]!, FORM_FIELDS.evidence[6]!, pages],
  event: [FORM_FIELDS.event[1]!, FORM_FIELDS.event[3]!, pages],
  fact: [FORM_FIELDS.fact[1]!, pages],
  place: [FORM_FIELDS.place[1]!, pages],
};

/** Whether a field applies to an entity whose source of evidence is `evidenceType`. */
export const fieldApplies = (field: FieldSpec, evidenceType: unknown): boolean =>
  !field.statementOnly || evidenceType === 'statement';
