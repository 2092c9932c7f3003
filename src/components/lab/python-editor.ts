/**
 * The lab's code editor: CodeMirror 6 with Python highlighting, imported only when the
 * student opens the runner. Colours come from the site's CSS variables (set for both themes
 * in PythonRunner.astro), so the editor follows the theme without being rebuilt. Tab indents
 * (the page says how to leave: Esc, then Tab, CodeMirror's tab-focus mode).
 *
 * The editor lives in a shadow root: there CodeMirror styles itself with constructed style
 * sheets, which the page's CSP allows, instead of <style> elements, which it blocks.
 */
import { EditorView, basicSetup } from 'codemirror';
import { keymap } from '@codemirror/view';
import { indentWithTab } from '@codemirror/commands';
import { syntaxHighlighting } from '@codemirror/language';
import { classHighlighter } from '@lezer/highlight';
import { python } from '@codemirror/lang-python';

const theme = EditorView.theme({
  '&': { color: 'var(--fg)', backgroundColor: 'var(--bg-code)', fontSize: '0.9rem' },
  '.cm-content': { fontFamily: 'var(--mono)', caretColor: 'var(--fg)' },
  '.cm-gutters': { backgroundColor: 'var(--bg-soft)', color: 'var(--fg-muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--accent-soft) 35%, transparent)' },
  '&.cm-focused': { outline: '3px solid var(--focus)' },
  '.cm-selectionBackground, &.cm-focused .cm-selectionBackground': { backgroundColor: 'color-mix(in srgb, var(--accent) 30%, transparent) !important' },
  '.tok-keyword': { color: 'var(--tok-keyword)' },
  '.tok-string, .tok-string2': { color: 'var(--tok-string)' },
  '.tok-comment': { color: 'var(--tok-comment)', fontStyle: 'italic' },
  '.tok-number, .tok-bool, .tok-atom': { color: 'var(--tok-number)' },
  '.tok-variableName.tok-definition, .tok-className': { color: 'var(--tok-definition)' },
});

const roots = new WeakMap<HTMLElement, ShadowRoot>();
/** The shadow root the editor goes in (one per host, made on first use). */
function shadowOf(host: HTMLElement): ShadowRoot {
  let root = roots.get(host);
  if (!root) {
    root = host.attachShadow({ mode: 'open' });
    roots.set(host, root);
  }
  return root;
}

/** An editor in `parent`, labelled for assistive technology, calling `onChange` with the new text. */
export function createEditor(parent: HTMLElement, text: string, label: string, onChange: (text: string) => void): EditorView {
  const root = shadowOf(parent);
  return new EditorView({
    root,
    parent: root,
    doc: text,
    extensions: [
      basicSetup,
      keymap.of([indentWithTab]),
      python(),
      syntaxHighlighting(classHighlighter),
      theme,
      // Long lines wrap, so the editor never scrolls sideways (a 360 px screen included).
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': label }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) onChange(update.state.doc.toString());
      }),
    ],
  });
}

/** Replaces the whole text and label of an editor (switching tabs or resetting). */
export function setEditorText(view: EditorView, text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

export type { EditorView };
