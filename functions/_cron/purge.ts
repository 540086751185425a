// The retention purge on a schedule: a small Worker with a Cron Trigger on the same D1
// (wrangler.purge.toml), so expired cases go on time even when nobody uses the portal.
// The purge that API traffic starts stays; both claim the same hourly run, so they never
// run twice in one hour.
import type { Bindings } from '../_app/env';
import { purgeIfDue } from '../_app/retention';

export default {
  async scheduled(controller: ScheduledController, env: Bindings, ctx: ExecutionContext): Promise<void> {
    ctx.waitUntil(purgeIfDue(env, new Date(controller.scheduledTime)).then(() => undefined));
  },
} satisfies ExportedHandler<Bindings>;
