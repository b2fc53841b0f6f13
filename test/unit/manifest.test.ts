import { readFileSync } from 'node:fs';
import { join } from 'node:path';

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
