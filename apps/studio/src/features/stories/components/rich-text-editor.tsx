import { Button, Group, Stack, Text } from '@mantine/core';
import Image from '@tiptap/extension-image';
import Link from '@tiptap/extension-link';
import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { embedUrl, VideoEmbed } from '../editor/video-embed';

/**
 * Exactly the constructs the articles service keeps (its sanitizer's allow-list): paragraphs, h2–h4, bold,
 * italic, underline, strike, lists, blockquote, rule, line break, http(s)/mailto links, absolute images and the
 * allow-listed video players. Anything else pasted in (Word markup, scripts, styles) is dropped by the schema.
 */
const extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    code: false,
    codeBlock: false,
    link: false,
  }),
  Link.extend({
    // href first, then rel: the order the articles sanitizer writes them back in, so a link round-trips unchanged.
    renderHTML({ HTMLAttributes }) {
      const { href, ...rest } = HTMLAttributes as Record<string, unknown>;
      return ['a', { href, ...rest }, 0];
    },
  }).configure({
    openOnClick: false,
    autolink: true,
    protocols: ['http', 'https', 'mailto'],
    defaultProtocol: 'https',
    // No target; every link leaves without the opener or the referrer (the server sets the same rel).
    HTMLAttributes: { target: null, rel: 'noopener noreferrer', class: null },
  }),
  Image.configure({ inline: false, allowBase64: false }),
  VideoEmbed,
];

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
      <Text component="label" id={labelId} size="sm" fw={500}>
        {label}
      </Text>
      {editor && <Toolbar editor={editor} />}
      <EditorContent editor={editor} className="khao-prose" />
    </Stack>
  );
}

function Toolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
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
      link: e.isActive('link'),
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
  const setLink = () => {
    const href = window.prompt(t('editor.linkPrompt'), editor.getAttributes('link').href as string | undefined);
    if (href === null) return;
    if (href.trim() === '') chain().unsetLink().run();
    else chain().extendMarkRange('link').setLink({ href: href.trim() }).run();
  };
  const addVideo = () => {
    const link = window.prompt(t('editor.videoPrompt'));
    if (!link) return;
    const src = embedUrl(link);
    if (!src) {
      window.alert(t('editor.videoRefused'));
      return;
    }
    chain().insertContent({ type: 'videoEmbed', attrs: { src } }).run();
  };
  return (
    <Group gap={4} role="toolbar" aria-label={t('editor.toolbar')}>
      {tool('bold', t('editor.bold'), () => chain().toggleBold().run())}
      {tool('italic', t('editor.italic'), () => chain().toggleItalic().run())}
      {tool('h2', t('editor.heading2'), () => chain().toggleHeading({ level: 2 }).run())}
      {tool('h3', t('editor.heading3'), () => chain().toggleHeading({ level: 3 }).run())}
      {tool('bullet', t('editor.bulletList'), () => chain().toggleBulletList().run())}
      {tool('ordered', t('editor.orderedList'), () => chain().toggleOrderedList().run())}
      {tool('quote', t('editor.quote'), () => chain().toggleBlockquote().run())}
      {tool('link', t('editor.link'), setLink)}
      <Button size="compact-sm" variant="default" onClick={addVideo}>
        {t('editor.video')}
      </Button>
    </Group>
  );
}
