import { Button, Group, Input, Stack } from '@mantine/core';
import { NodeSelection } from '@tiptap/pm/state';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cleanPastedHtml, extensions } from '../editor/schema';
import { LinkDialog, VideoDialog } from './rich-text-dialogs';

interface Props {
  label: string;
  value: string;
  onChange: (html: string) => void;
  lang: string;
}

export function RichTextEditor({ label, value, onChange, lang }: Props) {
  const labelId = useId();
  const editor = useEditor({
    extensions,
    content: value,
    editorProps: {
      attributes: { 'aria-labelledby': labelId, role: 'textbox', 'aria-multiline': 'true', lang },
      transformPastedHTML: cleanPastedHtml,
    },
    onUpdate: ({ editor: e }) => onChange(e.isEmpty ? '' : e.getHTML()),
  });

  // Content replaced from outside (taking the server's version after a conflict): load it without an update event.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const current = editor.isEmpty ? '' : editor.getHTML();
    if (value !== current && !editor.isFocused) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);

  return (
    <Stack gap={4}>
      {/* Mantine's own label: the same weight and size as the text fields' labels around it. */}
      <Input.Label id={labelId}>{label}</Input.Label>
      {editor && <Toolbar editor={editor} />}
      <EditorContent editor={editor} className="khao-prose" />
    </Stack>
  );
}

function Toolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'link' | 'video' | null>(null);
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      inlineQuote: e.isActive('inlineQuote'),
      citation: e.isActive('citation'),
      link: e.isActive('link'),
      table: e.isActive('table'),
      image: e.state.selection instanceof NodeSelection && e.state.selection.node.type.name === 'image',
      figure: e.isActive('figure'),
    }),
  });
  const chain = () => editor.chain().focus();
  const tool = (key: keyof typeof state, label: string, run: () => void) => (
    <Button
      key={key}
      size="compact-sm"
      variant={state[key] ? 'filled' : 'default'}
      aria-pressed={state[key]}
      onClick={run}
    >
      {label}
    </Button>
  );
  const action = (key: string, label: string, run: () => void) => (
    <Button key={key} size="compact-sm" variant="default" onClick={run}>
      {label}
    </Button>
  );
  const currentHref = (editor.getAttributes('link').href as string | undefined) ?? '';
  const addCaption = () => {
    const { selection } = editor.state;
    if (!(selection instanceof NodeSelection) || selection.node.type.name !== 'image') return;
    chain()
      .insertContentAt(
        { from: selection.from, to: selection.to },
        { type: 'figure', content: [{ type: 'image', attrs: selection.node.attrs }, { type: 'figcaption' }] },
      )
      .run();
  };
  return (
    <>
      <Group gap={4} role="toolbar" aria-label={t('editor.toolbar')}>
        {tool('bold', t('editor.bold'), () => chain().toggleBold().run())}
        {tool('italic', t('editor.italic'), () => chain().toggleItalic().run())}
        {tool('h2', t('editor.heading2'), () => chain().toggleHeading({ level: 2 }).run())}
        {tool('h3', t('editor.heading3'), () => chain().toggleHeading({ level: 3 }).run())}
        {tool('bullet', t('editor.bulletList'), () => chain().toggleBulletList().run())}
        {tool('ordered', t('editor.orderedList'), () => chain().toggleOrderedList().run())}
        {tool('quote', t('editor.quote'), () => chain().toggleBlockquote().run())}
        {tool('inlineQuote', t('editor.inlineQuote'), () => chain().toggleMark('inlineQuote').run())}
        {tool('citation', t('editor.citation'), () => chain().toggleMark('citation').run())}
        {tool('link', t('editor.link'), () => setDialog('link'))}
        {action('video', t('editor.video'), () => setDialog('video'))}
        {!state.table &&
          action('table', t('editor.table'), () =>
            chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
          )}
        {state.table && action('addRow', t('editor.addRow'), () => chain().addRowAfter().run())}
        {state.table && action('addColumn', t('editor.addColumn'), () => chain().addColumnAfter().run())}
        {state.table && action('deleteTable', t('editor.deleteTable'), () => chain().deleteTable().run())}
        {state.image && !state.figure && action('caption', t('editor.caption'), addCaption)}
      </Group>
      <LinkDialog
        opened={dialog === 'link'}
        current={currentHref}
        onClose={() => setDialog(null)}
        onRemove={() => {
          setDialog(null);
          chain().extendMarkRange('link').unsetLink().run();
        }}
        onApply={(href) => {
          setDialog(null);
          const { empty } = editor.state.selection;
          // With nothing selected the address itself becomes the link's text.
          if (empty && !state.link)
            chain()
              .insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] })
              .run();
          else chain().extendMarkRange('link').setLink({ href }).run();
        }}
      />
      <VideoDialog
        opened={dialog === 'video'}
        onClose={() => setDialog(null)}
        onInsert={(src) => {
          setDialog(null);
          chain().insertContent({ type: 'videoEmbed', attrs: { src } }).run();
        }}
      />
    </>
  );
}
