import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OAUTH_SCOPES } from '../../src/slack/oauth/installer';

/** A manifest's settings, without its opening comment. */
function body(file: string): string[] {
  const lines = readFileSync(join(__dirname, '..', '..', file), 'utf8').split('\n');
  return lines.slice(lines.findIndex((line) => !line.startsWith('#')));
}

describe('manifest.socket.yml', () => {
  it('is manifest.yml with Socket Mode on and no request URLs: the same scopes, command and events', () => {
    const http = body('manifest.yml')
      .filter((line) => !/^\s*(url|request_url):/.test(line))
      .map((line) => line.replace('socket_mode_enabled: false', 'socket_mode_enabled: true'));
    expect(body('manifest.socket.yml')).toEqual(http);
  });
});

describe('the OAuth install', () => {
  /** The items of a `<key>:` list under `oauth_config.scopes` in manifest.yml. */
  function manifestScopes(key: 'bot' | 'user'): string[] {
    const lines = body('manifest.yml');
    const start = lines.findIndex((line) => line.trim() === `${key}:`);
    const items: string[] = [];
    for (const line of lines.slice(start + 1)) {
      if (/^\s*#/.test(line)) continue;
      const item = /^\s+- (\S+)$/.exec(line)?.[1];
      if (!item) break;
      items.push(item);
    }
    return items;
  }

  it('asks for exactly the scopes the manifest declares, bot and user', () => {
    expect([...OAUTH_SCOPES.bot].sort()).toEqual(manifestScopes('bot').sort());
    expect([...OAUTH_SCOPES.user]).toEqual(manifestScopes('user'));
  });
});
