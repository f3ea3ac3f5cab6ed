import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown.js';

describe('renderMarkdown', () => {
  it('renders minutes structure', () => {
    const html = renderMarkdown('# Minutes\n\n### 1 Apologies\n\n**Resolved:** That it be noted.\n\n- a\n- b');
    expect(html).toContain('<h1>Minutes</h1>');
    expect(html).toContain('<strong>Resolved:</strong>');
    expect(html).toContain('<li>a</li>');
  });

  it('shows raw HTML as text and drops images and script links', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src="http://x/y.png">\n\n![x](http://evil/p.png)\n\n[click](javascript:alert(1))');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('href="javascript:');
  });

  it('shifts headings', () => {
    expect(renderMarkdown('# A\n\n###### B', 1)).toBe('<h2>A</h2>\n<h6>B</h6>\n');
  });
});
