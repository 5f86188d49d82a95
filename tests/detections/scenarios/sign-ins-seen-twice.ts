/**
 * With threat protection's user activity log on, every sign-in and sign-up reaches the stream twice: as
 * CloudTrail's calls and as the log's `SignIn` / `SignUp` event, both `sign_in` / `sign_up`. The CloudTrail
 * detections must count each once. Here the counts sit just under two thresholds, so a query that also
 * counted the log's events would cross them.
 */
import { HOUR_MS, MINUTE_MS, defineScenario } from '../harness/scenario';
import { signIn, signUp } from '../harness/sign-in-events';
import { residentialIp } from '../harness/simulated-pool';
import { attempts } from './credential-attacks';

export const signInsSeenTwice = defineScenario({
  id: 'sign-ins-seen-twice',
  title:
    'Sign-ins and sign-ups that CloudTrail and the user activity log both record: 20 sign-ins on the web client in 7 minutes, 15 of them after a typo (35 results at 57 %: too few to judge a success rate), and 30 API sign-ups in an hour',
  kind: 'benign',
  detectedBy: [],
  seed: 801,
  generate(world) {
    const { random, pool, ct, day } = world;
    const start = day + 9 * HOUR_MS + 36 * MINUTE_MS;
    const users = random.sample(
      pool.users.filter((u) => u.client.name === 'web' && !u.totp),
      20,
    );
    const signIns = attempts(20, start, 20_000, (i, at) => {
      const user = users[i];
      if (user === undefined) return [];
      const typo = i < 15 ? signIn(ct, { client: user.client, ip: user.ip, at, user, password: 'wrong' }) : [];
      return [...typo, ...signIn(ct, { client: user.client, ip: user.ip, at: at + 20_000, user, password: 'correct' })];
    });
    const signUps = attempts(30, start + 2 * HOUR_MS, 2 * MINUTE_MS, (_, at) => signUp(ct, { client: pool.clients.web, ip: residentialIp(random), at, sub: random.uuid() }));
    return { events: [...signIns, ...signUps] };
  },
});
