import { Button, Group, Input, Stack } from '@mantine/core';
import { getHTMLFromFragment, Node } from '@tiptap/core';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkDialog } from '../../stories/components/rich-text-dialogs';
import { Citation, InlineQuote, SanitizedLink } from '../../stories/editor/schema';
import { sanitizeInline, type InlineMark } from '../segment-html';

interface Props {
  label: string;
  lang: string;
  value: string;
  /** The marks of the source segment: the only ones the toolbar offers. */
  marks: InlineMark[];
  onChange: (html: string) => void;
  /** Ctrl+Enter (⌘+Enter). */
  onSubmit: () => void;
}

/** One block's inline content and nothing else: a single paragraph, whose content is the segment. */
const SegmentDocument = Node.create({ name: 'doc', topNode: true, content: 'paragraph' });

const extensions = [
  SegmentDocument,
  StarterKit.configure({
    document: false,
    heading: false,
    blockquote: false,
    bulletList: false,
    orderedList: false,
    listItem: false,
    listKeymap: false,
    code: false,
    codeBlock: false,
    horizontalRule: false,
    trailingNode: false,
    dropcursor: false,
    gapcursor: false,
    link: false,
  }),
  SanitizedLink,
  InlineQuote,
  Citation,
];

/** The segment's HTML as the API stores it: the paragraph's inline content, sanitized, or '' when empty. */
function segmentHtml(editor: Editor): string {
  if (editor.isEmpty) return '';
  const paragraph = editor.state.doc.firstChild;
  return paragraph ? sanitizeInline(getHTMLFromFragment(paragraph.content, editor.schema)) : '';
}

/**
 * A target body segment edited as marked text (bold shows bold, a link shows as a link), not as HTML: TipTap with
 * the story editor's inline marks, reading and writing the segment's inline HTML.
 */
export function SegmentEditor({ label, lang, value, marks, onChange, onSubmit }: Props) {
  const labelId = useId();
  // The editor keeps its key handler from the first render: it calls the latest onSubmit through this ref.
  const submit = useRef(onSubmit);
  useEffect(() => {
    submit.current = onSubmit;
  });
  const editor = useEditor({
    extensions,
    content: `<p>${value}</p>`,
    editorProps: {
      attributes: {
        'aria-labelledby': labelId,
        role: 'textbox',
        'aria-multiline': 'false',
        'aria-keyshortcuts': 'Control+Enter',
        lang,
        'data-segment-input': '',
      },
      // One block: Enter does not split it; Ctrl+Enter saves (TipTap would add a line break).
      handleKeyDown: (_view, event) => {
        if (event.key !== 'Enter' || event.shiftKey) return false;
        if (event.ctrlKey || event.metaKey) submit.current();
        return true;
      },
    },
    onUpdate: ({ editor: e }) => onChange(segmentHtml(e)),
  });

  // A text chosen outside the field ("use the draft", the server's newer text): loaded without an update event.
  useEffect(() => {
    if (!editor || editor.isDestroyed || editor.isFocused) return;
    if (value !== segmentHtml(editor)) editor.commands.setContent(`<p>${value}</p>`, { emitUpdate: false });
  }, [editor, value]);

  return (
    <Stack gap={4}>
      <Input.Label id={labelId} onClick={() => editor?.commands.focus('end')}>
        {label}
      </Input.Label>
      {editor && marks.length > 0 && <MarkToolbar editor={editor} marks={marks} label={label} />}
      <EditorContent editor={editor} className="khao-segment" />
    </Stack>
  );
}

function MarkToolbar({ editor, marks, label }: { editor: Editor; marks: InlineMark[]; label: string }) {
  const { t } = useTranslation();
  const [linking, setLinking] = useState(false);
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => Object.fromEntries(marks.map((m) => [m, e.isActive(m)])) as Record<string, boolean>,
  });
  const names: Record<InlineMark, string> = {
    bold: t('editor.bold'),
    italic: t('editor.italic'),
    underline: t('editor.underline'),
    strike: t('editor.strike'),
    inlineQuote: t('editor.inlineQuote'),
    citation: t('editor.citation'),
    link: t('editor.link'),
  };
  const chain = () => editor.chain().focus();
  return (
    <>
      <Group gap={4} role="toolbar" aria-label={t('translation.marksOf', { field: label })}>
        {marks.map((mark) => (
          <Button
            key={mark}
            size="compact-xs"
            variant={active[mark] ? 'filled' : 'default'}
            aria-pressed={active[mark]}
            onClick={() => (mark === 'link' ? setLinking(true) : chain().toggleMark(mark).run())}
          >
            {names[mark]}
          </Button>
        ))}
      </Group>
      <LinkDialog
        opened={linking}
        current={(editor.getAttributes('link').href as string | undefined) ?? ''}
        onClose={() => setLinking(false)}
        onRemove={() => {
          setLinking(false);
          chain().extendMarkRange('link').unsetLink().run();
        }}
        onApply={(href) => {
          setLinking(false);
          chain().extendMarkRange('link').setLink({ href }).run();
        }}
      />
    </>
  );
}
