import { Histogram, Registry } from 'prom-client';
import { timedFetch } from '../../src/infrastructure/metrics/timed-fetch';
import { ackStep } from '../../src/slack/ack-timing';

describe('ack steps', () => {
  it.each([
    [{ command: '/verify-phone' }, 'command'],
    [{ command: '/other' }, 'other'],
    [{ type: 'view_submission', view: { callback_id: 'verify_phone_number' } }, 'phone_submitted'],
    [{ type: 'view_submission', view: { callback_id: 'verify_phone_code' } }, 'code_submitted'],
    [{ type: 'view_submission', view: { callback_id: 'constructor' } }, 'other'],
    [{ type: 'block_actions', actions: [{ action_id: 'resend_code' }] }, 'resend'],
    [{ type: 'block_actions', actions: [{ action_id: 'restart_verification' }] }, 'restart'],
    [{ type: 'block_actions', actions: [{ action_id: 'U0123' }] }, 'other'],
    [{ type: 'block_actions', actions: 'resend_code' }, 'other'],
    [{ type: 'event_callback', event: { type: 'app_home_opened' } }, 'home_opened'],
    [{ type: 'view_closed', view: { callback_id: 'verify_phone_code' } }, 'other'],
    [null, 'other'],
  ])('%j is %s', (body, step) => {
    expect(ackStep(body)).toBe(step);
  });
});

describe('timed outbound calls', () => {
  const registry = new Registry();
  const histogram = new Histogram({
    name: 'calls',
    help: 'test',
    labelNames: ['service', 'operation', 'outcome'],
    registers: [registry],
  });
  const answering = (status: number) => async () => new Response(null, { status });

  afterEach(() => histogram.reset());

  async function labelsOf(): Promise<string[]> {
    const { values } = await histogram.get();
    return values
      .filter((value) => value.metricName === 'calls_count' && value.value > 0)
      .map(({ labels }) => `${labels.service} ${labels.operation} ${labels.outcome}`);
  }

  it('names MessageMedia calls send or lookup, never by message id', async () => {
    const fetch = timedFetch(answering(202), 'messagemedia', histogram);
    await fetch('https://api.messagemedia.com/v1/messages', { method: 'POST' });
    await fetch('https://api.messagemedia.com/v1/messages/0a1b2c3d-4e5f');
    expect(await labelsOf()).toEqual(['messagemedia send 2xx', 'messagemedia lookup 2xx']);
  });

  it('names Slack calls by Web API method; anything else, such as a response_url, is other', async () => {
    const fetch = timedFetch(answering(429), 'slack', histogram);
    await fetch('https://slack.com/api/users.profile.set', { method: 'POST' });
    await fetch(new URL('https://hooks.slack.com/actions/T0123/456/abcDEF'), { method: 'POST' });
    expect(await labelsOf()).toEqual(['slack users.profile.set 4xx', 'slack other 4xx']);
  });

  it('times a call that never got an answer as an error, and rethrows', async () => {
    const fetch = timedFetch(() => Promise.reject(new TypeError('fetch failed')), 'slack', histogram);
    await expect(fetch('https://slack.com/api/views.update')).rejects.toThrow('fetch failed');
    expect(await labelsOf()).toEqual(['slack views.update error']);
  });
});
