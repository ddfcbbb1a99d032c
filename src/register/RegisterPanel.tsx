import { memo, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Plus } from 'lucide-react';
import { commandErrorText } from '../ui/commandErrors.tsx';
import {
  addEntity,
  getEntity,
  listEntities,
  updateEntity,
  type Entity,
} from '../core/commands/register.ts';
import { filesOf, registerOf } from '../core/doc.ts';
import { listFiles } from '../core/commands/files.ts';
import { ENTITY_KINDS, type EntityKind } from '../core/register.ts';
import { compareVietnamese, matchesSearch } from '../core/text.ts';
import { useDoc } from '../sync/useDoc.ts';
import { FilesTab } from '../files/FilesTab.tsx';
import { EntityDetail } from './EntityDetail.tsx';
import { EntityForm } from './EntityForm.tsx';
import { TABLE_COLUMNS, type FieldSpec } from './fields.ts';
import { formatDate } from '../ui/dates.ts';
import { ENTITY_DRAG_TYPE } from './drag.ts';
import type { RegisterPanelProps } from './panelProps.ts';

export type { RegisterPanelProps } from './panelProps.ts';

type Tab = EntityKind | 'files';

/** Everything a person may search an entity by: its texts and the labels of its choices. */
function searchText(entity: Entity, t: (key: string) => string): string {
  const parts: string[] = [];
  for (const field of TABLE_COLUMNS[entity.kind]) {
    const value = entity[field.name as keyof Entity];
    if (typeof value === 'string' && field.optionLabels)
      parts.push(t(`${field.optionLabels}.${value}`));
  }
  for (const value of Object.values(entity)) if (typeof value === 'string') parts.push(value);
  return parts.join(' ');
}

/**
 * The case register: a table per kind (sortable, filterable, searchable without diacritics), add,
 * edit and delete, where each entity is used, and the case file.
 */
export function RegisterPanel(props: RegisterPanelProps) {
  const { caseId, doc, origin, readOnly, initialEntity } = props;
  const { t } = useTranslation('register');
  const [tab, setTab] = useState<Tab>(() =>
    initialEntity ? (getEntity(doc, initialEntity)?.kind ?? 'person') : 'person',
  );
  const [query, setQuery] = useState('');
  const [choice, setChoice] = useState('');
  const [sort, setSort] = useState<{ field: string; descending: boolean }>({
    field: 'name',
    descending: false,
  });
  const [editing, setEditing] = useState<{ kind: EntityKind; entity?: Entity } | null>(null);
  const [selected, setSelected] = useState<string | null>(initialEntity ?? null);

  const entities = useDoc(
    doc,
    (d) => [registerOf(d)],
    (d) => listEntities(d),
  );
  const caseFiles = useDoc(doc, (d) => [filesOf(d)], listFiles);
  const visible = useMemo(() => {
    if (tab === 'files') return [];
    const filterField = TABLE_COLUMNS[tab][0];
    const rows = entities.filter(
      (e) =>
        e.kind === tab &&
        (!choice || !filterField?.options || e[filterField.name as keyof Entity] === choice) &&
        (!query || matchesSearch(searchText(e, t), query)),
    );
    const value = (e: Entity) => String(e[sort.field as keyof Entity] ?? '');
    rows.sort((a, b) => compareVietnamese(value(a), value(b)) * (sort.descending ? -1 : 1));
    return rows;
  }, [entities, tab, query, sort, choice, t]);
  const filterField = tab === 'files' ? undefined : TABLE_COLUMNS[tab][0];
  const selectedEntity = entities.find((e) => e.id === selected) ?? null;

  const save = useCallback(
    (fields: Record<string, string | string[]>): string | null => {
      if (!editing) return null;
      try {
        if (editing.entity) updateEntity(doc, { id: editing.entity.id, fields }, origin);
        else setSelected(addEntity(doc, { kind: editing.kind, fields }, origin));
        setEditing(null);
        return null;
      } catch (err) {
        return commandErrorText(t, err);
      }
    },
    [doc, origin, editing, t],
  );

  const toggleSort = (field: string) =>
    setSort((s) => ({ field, descending: s.field === field ? !s.descending : false }));

  return (
    <section className="register-panel" aria-label={t('title')} data-testid="register-panel">
      <nav className="register-panel__tabs" role="tablist">
        {[...ENTITY_KINDS, 'files' as const].map((kind) => (
          <button
            key={kind}
            type="button"
            role="tab"
            aria-selected={tab === kind}
            className={tab === kind ? 'is-active' : undefined}
            onClick={() => {
              setTab(kind);
              setChoice('');
            }}
            data-testid={`register-tab-${kind}`}
          >
            {kind === 'files' ? t('files.title') : t(`kinds.${kind}`)}
          </button>
        ))}
      </nav>
      {tab === 'files' ? (
        <FilesTab
          caseId={caseId}
          doc={doc}
          origin={origin}
          readOnly={readOnly}
          lang={props.lang}
          onOpenFile={props.onOpenFile}
        />
      ) : (
        <>
          <div className="register-panel__toolbar">
            {filterField?.options && (
              <select
                value={choice}
                onChange={(e) => setChoice(e.target.value)}
                aria-label={t(`fields.${filterField.name}`)}
                data-testid="register-filter"
              >
                <option value="">{t(`fields.${filterField.name}`)}: —</option>
                {filterField.options.map((option) => (
                  <option key={option} value={option}>
                    {t(`${filterField.optionLabels}.${option}`)}
                  </option>
                ))}
              </select>
            )}
            <input
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder={t('search')}
              aria-label={t('search')}
              data-testid="register-search"
            />
            {!readOnly && (
              <button
                type="button"
                className="primary"
                onClick={() => setEditing({ kind: tab })}
                data-testid="register-add"
              >
                <Plus size={16} /> {t('add', { kind: t(`kind1.${tab}`) })}
              </button>
            )}
          </div>
          <p className="register-panel__hint">{t('dragHint')}</p>
          <EntityTable
            kind={tab}
            rows={visible}
            sort={sort}
            onSort={toggleSort}
            selected={selected}
            onSelect={setSelected}
            emptyText={entities.some((e) => e.kind === tab) ? t('noMatch') : t('empty')}
          />
        </>
      )}
      {editing && (
        <div className="dialog-backdrop" role="dialog" aria-modal="true">
          <div className="dialog">
            <h2>{editing.entity ? t('edit') : t('add', { kind: t(`kind1.${editing.kind}`) })}</h2>
            <EntityForm
              kind={editing.kind}
              initial={editing.entity}
              onSave={save}
              onCancel={() => setEditing(null)}
              choices={(kind) => entities.filter((e) => e.kind === kind)}
              files={caseFiles}
            />
          </div>
        </div>
      )}
      {selectedEntity && tab !== 'files' && (
        <EntityDetail
          {...props}
          entity={selectedEntity}
          onEdit={() => setEditing({ kind: selectedEntity.kind, entity: selectedEntity })}
          onDeleted={() => setSelected(null)}
          onClose={() => setSelected(null)}
        />
      )}
    </section>
  );
}

interface EntityTableProps {
  kind: EntityKind;
  rows: Entity[];
  sort: { field: string; descending: boolean };
  onSort(field: string): void;
  selected: string | null;
  onSelect(id: string): void;
  emptyText: string;
}

const EntityTable = memo(function EntityTable({
  kind,
  rows,
  sort,
  onSort,
  selected,
  onSelect,
  emptyText,
}: EntityTableProps) {
  const { t, i18n } = useTranslation('register');
  const columns: FieldSpec[] = [{ name: 'name', input: 'text' }, ...TABLE_COLUMNS[kind]];
  const cell = (entity: Entity, column: FieldSpec) => {
    const value = entity[column.name as keyof Entity];
    if (typeof value !== 'string' || value === '') return '';
    if (column.input === 'date') return formatDate(value, i18n.language);
    return column.optionLabels ? t(`${column.optionLabels}.${value}`) : value;
  };
  return (
    <table className="register-table" data-testid={`register-table-${kind}`}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th
              key={column.name}
              aria-sort={
                sort.field === column.name ? (sort.descending ? 'descending' : 'ascending') : 'none'
              }
            >
              <button type="button" onClick={() => onSort(column.name)}>
                {t(`fields.${column.name}`)}
                {sort.field === column.name ? (sort.descending ? ' ▼' : ' ▲') : ''}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={columns.length} className="register-table__empty">
              {emptyText}
            </td>
          </tr>
        )}
        {rows.map((entity) => (
          <tr
            key={entity.id}
            className={entity.id === selected ? 'is-selected' : undefined}
            onClick={() => onSelect(entity.id)}
            draggable
            onDragStart={(event) => {
              event.dataTransfer.setData(ENTITY_DRAG_TYPE, entity.id);
              event.dataTransfer.setData('text/plain', entity.name);
              event.dataTransfer.effectAllowed = 'link';
            }}
            data-testid="register-row"
            data-entity-id={entity.id}
          >
            {columns.map((column) => (
              <td key={column.name}>{cell(entity, column)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
});
