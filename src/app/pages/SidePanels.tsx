import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  BookUser,
  CalendarClock,
  FileText,
  History,
  ListChecks,
  MessageSquarePlus,
  MessagesSquare,
  Presentation,
  Columns2,
} from 'lucide-react';
import type { FindingSubject } from '../../core/checklist/rules.ts';
import { listFiles, type CaseFile } from '../../core/commands/files.ts';
import { entityUsages } from '../../core/commands/register.ts';
import type { NoteAnchor } from '../../core/notes.ts';

/** The side panels of a case, one open at a time. */
export type SidePanel =
  'register' | 'deck' | 'history' | 'checklist' | 'deadlines' | 'notes' | 'report' | 'statements';

/**
 * A side panel's button in the case bar: its icon and name; on narrow screens only the open
 * panel's button keeps its name, the others their icon and tooltip.
 */
function PanelToggle({
  icon,
  label,
  pressed,
  onClick,
  testId,
}: {
  icon: ReactNode;
  label: string;
  pressed: boolean;
  onClick(): void;
  testId: string;
}) {
  return (
    <button
      type="button"
      className="case-page__toggle"
      aria-pressed={pressed}
      title={label}
      onClick={onClick}
      data-testid={testId}
    >
      {icon}
      <span className="case-page__label">{label}</span>
    </button>
  );
}

/** The case bar's side-panel buttons, and "Add note" where the person may write notes. */
export function PanelButtons({
  panel,
  onToggle,
  onAddNote,
}: {
  panel: SidePanel | null;
  onToggle(which: SidePanel): void;
  onAddNote: (() => void) | null;
}) {
  const { t } = useTranslation();
  const button = (which: SidePanel, icon: ReactNode, label: string) => (
    <PanelToggle
      icon={icon}
      label={label}
      pressed={panel === which}
      onClick={() => onToggle(which)}
      testId={`toggle-${which}`}
    />
  );
  return (
    <span className="case-page__panels">
      {button('deck', <Presentation size={16} />, t('present:deck'))}
      {button(
        'register',
        <BookUser size={16} />,
        panel === 'register' ? t('case.hideRegister') : t('case.register'),
      )}
      {button('history', <History size={16} />, t('case.history'))}
      {button('checklist', <ListChecks size={16} />, t('case.checklist'))}
      {button('deadlines', <CalendarClock size={16} />, t('deadlines:panel'))}
      {button('notes', <MessagesSquare size={16} />, t('case.notes'))}
      {button('report', <FileText size={16} />, t('case.report'))}
      {button('statements', <Columns2 size={16} />, t('statements:panel'))}
      {onAddNote && (
        <button
          type="button"
          onClick={onAddNote}
          title={t('case.addNote')}
          aria-label={t('case.addNote')}
          data-testid="add-note"
        >
          <MessageSquarePlus size={16} />
        </button>
      )}
    </span>
  );
}

/**
 * Taking the user to what a checklist finding or a review note is about: a node on its board, an
 * entity where it is drawn (the current board first) or else in the register, a document in the
 * viewer, a slide in the deck, a deadline in the deadlines panel.
 */
export function useCaseGoTo({
  doc,
  currentBoard,
  setSelected,
  setFocus,
  setOpenFile,
  setPanel,
  setRegisterEntity,
  setComparisonRow,
}: {
  doc: Y.Doc;
  currentBoard: string | null;
  setSelected(boardId: string): void;
  setFocus(focus: { boardId: string; nodeId: string }): void;
  setOpenFile(file: CaseFile): void;
  setPanel(panel: SidePanel): void;
  setRegisterEntity(id: string): void;
  /** Opens the statements' comparison on a row. */
  setComparisonRow?(target: string): void;
}) {
  const showNode = (boardId: string, nodeId: string) => {
    setSelected(boardId);
    setFocus({ boardId, nodeId });
  };
  const openFile = (hash: string) => {
    const file = listFiles(doc).find((f) => f.hash === hash);
    if (file) setOpenFile(file);
  };
  const goTo = (subject: FindingSubject) => {
    if (subject.kind === 'node') showNode(subject.boardId, subject.nodeId);
    else if (subject.kind === 'file') openFile(subject.hash);
    else if (subject.kind === 'deadline') setPanel('deadlines');
    else if (subject.kind === 'comparison') {
      setComparisonRow?.(subject.target);
      setPanel('statements');
    } else {
      const usages = entityUsages(doc, subject.id);
      const usage = usages.find((u) => u.boardId === currentBoard) ?? usages[0];
      if (usage) showNode(usage.boardId, usage.nodeId);
      else {
        setRegisterEntity(subject.id);
        setPanel('register');
      }
    }
  };
  const goToNote = (anchor: NoteAnchor) => {
    if (anchor.kind === 'node') showNode(anchor.board, anchor.node);
    else if (anchor.kind === 'edge') setSelected(anchor.board);
    // A slide's note: the deck, where the slide shows its badge.
    else if (anchor.kind === 'slide') setPanel('deck');
    else if (anchor.kind === 'page') openFile(anchor.file);
  };
  return { goTo, goToNote };
}
