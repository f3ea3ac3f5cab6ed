// A CSS string literal for user text placed in CSS (the running headers of @page margin boxes).
// Every character but letters, digits and spaces becomes a hex escape, so no text can end the string,
// open a url(), or close the <style> element.
export function cssString(text: string): string {
  let out = '"';
  for (const ch of text.replace(/\s+/g, ' ')) {
    out += /[A-Za-z0-9 ]/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `;
  }
  return out + '"';
}
