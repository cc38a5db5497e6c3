/**
 * Operator endpoints of the robot (extension), registered under `/api/v1` only when
 * `KEFU_OPS_TOKEN` is set: a static bearer secret held by the platform's operators, since no
 * role of the public identity spans shops.
 *
 *   GET  /ops/robot/canary            the split and what each version is
 *   PUT  /ops/robot/canary            { newVersion, oldVersion, newDigits }: applies on every node
 *   POST /ops/robot/canary/rollback   everyone back on the old version
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { extractBearer } from '../auth/index.ts';
import { KefuError } from '../protocol/errors.ts';
import { parseInput, NO_QUERY, parseQuery } from '../protocol/validation.ts';
import { canaryConfigSchema, type CanaryControl } from './canary-control.ts';

export function registerRobotOpsRoutes(api: FastifyInstance, deps: { canaryControl: CanaryControl; opsToken: string }): void {
  const want = Buffer.from(deps.opsToken);
  const operator = (req: FastifyRequest) => {
    const got = Buffer.from(extractBearer(req.headers.authorization) ?? '');
    if (got.length !== want.length || !timingSafeEqual(got, want)) throw new KefuError('UNAUTHORIZED', 'operator token required');
  };
  api.get('/ops/robot/canary', async (req) => {
    parseQuery(NO_QUERY, req.query);
    operator(req);
    return deps.canaryControl.current();
  });
  api.put('/ops/robot/canary', async (req) => {
    operator(req);
    return deps.canaryControl.set(parseInput(canaryConfigSchema, req.body));
  });
  api.post('/ops/robot/canary/rollback', async (req) => {
    operator(req);
    return deps.canaryControl.rollback();
  });
}
