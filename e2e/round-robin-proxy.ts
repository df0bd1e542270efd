// A minimal round-robin HTTP proxy on loopback, standing in for the load balancer in front of several
// dangvu processes. It sends each request to the next live backend. When a backend cannot be reached
// (connection refused) the request has not been sent, so any request is retried on the next one; when
// a backend dies mid-request only a read (GET/HEAD) is retried, because a write may already have
// committed: its client sees the error, as it would behind a real balancer.
import http from 'node:http';

export type RoundRobin = {
  url: string;
  /** Requests answered per backend index. */
  served: number[];
  /** Requests sent again to another backend after a failure. */
  retried: number;
  close: () => Promise<void>;
};

export const startRoundRobin = async (backends: string[], port: number): Promise<RoundRobin> => {
  const served = backends.map(() => 0);
  const down = new Map<number, number>(); // backend → time it may be tried again
  let next = 0;
  const stats = { retried: 0 };

  const pick = (excluded: Set<number>): number | null => {
    for (let i = 0; i < backends.length; i++) {
      const b = (next + i) % backends.length;
      if (excluded.has(b) || (down.get(b) ?? 0) > Date.now()) continue;
      next = (b + 1) % backends.length;
      return b;
    }
    return null;
  };

  const forward = (
    b: number,
    req: http.IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const target = new URL(req.url ?? '/', backends[b]);
      const out = http.request(
        target,
        { method: req.method, headers: { ...req.headers, host: target.host }, agent: false },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 502,
              headers: res.headers,
              body: Buffer.concat(chunks),
            }),
          );
          res.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const tried = new Set<number>();
    const idempotent = req.method === 'GET' || req.method === 'HEAD';
    for (;;) {
      const b = pick(tried);
      if (b === null) {
        res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Không có máy chủ nào sẵn sàng.');
        return;
      }
      tried.add(b);
      try {
        const answer = await forward(b, req, body);
        served[b]++;
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
        return;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        down.set(b, Date.now() + 2000);
        if (code === 'ECONNREFUSED' || idempotent) {
          stats.retried++;
          continue;
        }
        res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Máy chủ bị ngắt giữa chừng; hãy tải lại để xem thao tác đã được lưu chưa.');
        return;
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    get retried() {
      return stats.retried;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
};
