import type { FastifyInstance } from 'fastify';
import { toPublicUser } from '../auth/sessions.ts';
import { createUser, type NewUserInput } from '../users.ts';
import { requireAdmin, type Services } from './context.ts';

export function userRoutes(app: FastifyInstance, services: Services): void {
  app.post('/api/users', async (request, reply) => {
    await requireAdmin(services, request);
    const user = await createUser(services.store, request.body as NewUserInput);
    return reply.code(201).send({ user });
  });

  // For operators: what the server holds right now (open cases, sockets, memory).
  app.get('/api/admin/stats', async (request) => {
    await requireAdmin(services, request);
    const memory = process.memoryUsage();
    return {
      ...services.rooms.stats(),
      memory: { rss: memory.rss, heapUsed: memory.heapUsed, external: memory.external },
      uptimeSeconds: Math.round(process.uptime()),
    };
  });

  app.get('/api/users', async (request) => {
    await requireAdmin(services, request);
    return { users: (await services.store.listUsers()).map(toPublicUser) };
  });
}
