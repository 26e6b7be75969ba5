import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';

/**
 * A plan's Markdown, rendered. react-markdown builds React elements (no HTML strings), and raw HTML in the text is
 * shown as text, so a plan cannot inject markup; links open in place only when they are http(s).
 */
export function Markdown({ text }: { text: string }) {
  return (
    <div className="plan-markdown">
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        urlTransform={(url) => (/^https?:\/\//i.test(url) ? url : '')}
        components={{ a: ({ href, children }) => <a href={href} target="_blank" rel="noreferrer noopener">{children}</a> }}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}
