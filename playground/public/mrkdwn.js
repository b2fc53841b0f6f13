// Slack mrkdwn to DOM nodes, never through innerHTML: the app's texts can hold anything a member typed.
// Supported: *bold*, _italic_, ~strike~, `code`, ```pre```, line breaks, <@U…>, <#C…|name>, <!date^…|fallback>,
// <url|text>, and the few emoji the app uses. Not nested styles, quotes or lists.

const EMOJI = { white_check_mark: '✅', warning: '⚠️', x: '❌', telephone_receiver: '📞', iphone: '📱', lock: '🔒' };
const STYLES = [
  ['```', 'pre'],
  ['`', 'code'],
  ['*', 'strong'],
  ['_', 'em'],
  ['~', 's'],
];
const SPECIAL = /<([^>]+)>/g;

/** Nodes for a mrkdwn string; `names` maps user ids to display names. */
export function mrkdwn(text, names = new Map()) {
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(SPECIAL)) {
    nodes.push(...styled(emoji(text.slice(last, match.index))));
    nodes.push(special(match[1], names));
    last = match.index + match[0].length;
  }
  nodes.push(...styled(emoji(text.slice(last))));
  return nodes;
}

/** `<…>` tokens: mentions, dates (their fallback text: the page keeps no time zone) and links. */
function special(token, names) {
  const [target, label] = splitOnce(decode(token), '|');
  if (target.startsWith('@')) return mention(`@${names.get(target.slice(1)) ?? target.slice(1)}`);
  if (target.startsWith('#')) return mention(`#${label ?? target.slice(1)}`);
  if (target.startsWith('!date^')) return document.createTextNode(label ?? target);
  if (target.startsWith('!')) return mention(`@${target.slice(1)}`);
  const link = document.createElement('a');
  link.href = /^https?:|^mailto:/.test(target) ? target : '#';
  link.rel = 'noreferrer';
  link.textContent = label ?? target;
  return link;
}

function mention(text) {
  const span = document.createElement('span');
  span.className = 'mention';
  span.textContent = text;
  return span;
}

/** The first style marker found wins; its content is plain text (no nesting). */
function styled(text) {
  for (const [marker, tag] of STYLES) {
    const start = text.indexOf(marker);
    const end = start < 0 ? -1 : text.indexOf(marker, start + marker.length);
    if (end > start + marker.length) {
      const element = document.createElement(tag);
      element.append(...plain(text.slice(start + marker.length, end)));
      return [...styled(text.slice(0, start)), element, ...styled(text.slice(end + marker.length))];
    }
  }
  return plain(text);
}

/** Before styles: `_` in `:white_check_mark:` is not italics. */
function emoji(text) {
  return text.replace(/:([a-z0-9_+-]+):/g, (code, name) => EMOJI[name] ?? code);
}

/** Text with line breaks as <br>. */
function plain(text) {
  return decode(text)
    .split('\n')
    .flatMap((line, index) => {
      const node = document.createTextNode(line);
      return index === 0 ? [node] : [document.createElement('br'), node];
    });
}

function decode(text) {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

function splitOnce(text, separator) {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
