// A dangvu cluster on this machine, from Debian's packages, on loopback only (docs/scaling.md):
// a PostgreSQL primary and a streaming-replication hot standby (initdb, pg_basebackup -R), PgBouncer
// in transaction mode in front of them, app processes (`server/main.ts`) and HAProxy in front of
// those. Used by `npm run test:cluster` (ops/cluster/cluster-test.ts) and `npm run bench:cluster`
// (ops/cluster/cluster-bench.ts). Every process is started here and stopped here by its PID; the
// data directories live under /tmp/cluster/<run>/ and are removed by `stop()`.
//
// PostgreSQL and PgBouncer refuse to run as root: they run as the `postgres` user (runuser).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');

export const ports = {
  primary: 55440,
  standby: 55441,
  bouncer: 55442,
  proxy: 4420,
  apps: [4421, 4422],
};

const pgBin = (() => {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((v) => existsSync(path.join(base, v, 'bin/initdb')))
        .sort((a, b) => Number(a) - Number(b))
    : [];
  if (!versions.length) throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql');
  return path.join(base, versions[versions.length - 1], 'bin');
})();

const asPostgres = (command: string, args: string[], timeout = 120_000) =>
  execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], {
    timeout,
    stdio: ['ignore', 'pipe', 'pipe'],
  }).toString();

const postgresUid = () => Number(execFileSync('id', ['-u', 'postgres']).toString().trim());

export const log = (line: string) =>
  process.stdout.write(`[${new Date().toISOString().slice(11, 23)}] ${line}\n`);

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The direct children of a process, by PID (a postmaster's backends and workers). */
const childrenOf = (pid: number): number[] => {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)])
      .toString()
      .split('\n')
      .map((s) => Number(s.trim()))
      .filter((n) => n > 0);
  } catch {
    return [];
  }
};

export type AppProcess = { port: number; child: ChildProcess; output: string[] };

export type ClusterOptions = {
  /** Name of the run's directory under /tmp/cluster. */
  name: string;
  /** postgresql.conf lines added to the defaults (shared_buffers, …). */
  postgresConf?: string[];
  appEnv?: Record<string, string>;
};

export const createCluster = (options: ClusterOptions) => {
  const dir = path.join('/tmp/cluster', options.name);
  const primaryDir = path.join(dir, 'primary');
  const standbyDir = path.join(dir, 'standby');
  const bouncerDir = path.join(dir, 'pgbouncer');
  const pids = new Set<number>();
  const apps: AppProcess[] = [];
  let proxy: ChildProcess | null = null;
  let bouncerPid = 0;
  /** Where PgBouncer sends the primary's pools: the standby's port after a promotion. */
  let primaryPort = ports.primary;

  const track = (pid: number | undefined, what: string) => {
    if (!pid) throw new Error(`${what}: no PID`);
    pids.add(pid);
    writeFileSync(path.join(dir, 'pids'), `${[...pids].join('\n')}\n`);
  };
  const postmasterPid = (dataDir: string) => {
    const file = path.join(dataDir, 'postmaster.pid');
    return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : 0;
  };
  const pgCtl = (args: string[]) => asPostgres(path.join(pgBin, 'pg_ctl'), args, 120_000);
  const startPostgres = (dataDir: string, port: number) => {
    pgCtl(['-D', dataDir, '-l', path.join(dir, `postgres-${port}.log`), '-w', '-t', '60', 'start']);
    track(postmasterPid(dataDir), `postgres ${port}`);
  };

  const url = (port: number, database = 'dangvu') =>
    `postgres://postgres@127.0.0.1:${port}/${database}`;

  const writeBouncerConfig = () => {
    const ini = [
      '[databases]',
      // The app's pool: transaction mode (the default below), the primary.
      `dangvu = host=127.0.0.1 port=${primaryPort} dbname=dangvu`,
      // Lag-tolerant reads: the standby (DATABASE_READ_URL).
      `dangvu_standby = host=127.0.0.1 port=${ports.standby} dbname=dangvu`,
      // The change feed's LISTEN needs a session of its own: session mode, the primary.
      `dangvu_session = host=127.0.0.1 port=${primaryPort} dbname=dangvu pool_mode=session`,
      '',
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${ports.bouncer}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${path.join(bouncerDir, 'userlist.txt')}`,
      'admin_users = postgres',
      'pool_mode = transaction',
      'max_client_conn = 1000',
      // More server connections than the apps' pools hold together (2 × 10, the checks, the
      // start-up lock): PgBouncer never queues them, the apps' pools do.
      'default_pool_size = 30',
      'reserve_pool_size = 5',
      // node-postgres sends `options` (jit=off…); PgBouncer cannot pass it on, the servers set it.
      'ignore_startup_parameters = extra_float_digits,options',
      'server_login_retry = 1',
      // A client waiting for a server that is down (a stopped standby, a dead primary) gets an
      // error after 10 s instead of waiting 120 s: the app then answers, the proxy does not time out.
      'query_wait_timeout = 10',
      `logfile = ${path.join(bouncerDir, 'pgbouncer.log')}`,
      `pidfile = ${path.join(bouncerDir, 'pgbouncer.pid')}`,
      '',
    ].join('\n');
    writeFileSync(path.join(bouncerDir, 'pgbouncer.ini'), ini);
    chownSync(path.join(bouncerDir, 'pgbouncer.ini'), postgresUid(), -1);
  };

  const waitFor = async (what: string, test: () => Promise<boolean> | boolean, ms: number) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (await Promise.resolve(test()).catch(() => false)) return;
      await sleep(200);
    }
    throw new Error(`timed out waiting for ${what}`);
  };

  const cluster = {
    dir,
    url,
    apps,
    /** The URLs the app processes use: everything through PgBouncer. */
    appUrls: {
      primary: url(ports.bouncer, 'dangvu'),
      standby: url(ports.bouncer, 'dangvu_standby'),
      listen: url(ports.bouncer, 'dangvu_session'),
    },
    proxyUrl: `http://127.0.0.1:${ports.proxy}`,

    psql: (port: number, sql: string) =>
      asPostgres(path.join(pgBin, 'psql'), [
        ...['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres'],
        ...['-v', 'ON_ERROR_STOP=1', '-qAtc', sql],
      ]),

    /** initdb, replication settings, start; then the database and role settings. */
    async startPrimary() {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(bouncerDir, { recursive: true });
      for (const d of ['/tmp/cluster', dir, bouncerDir]) chownSync(d, postgresUid(), -1);
      asPostgres(path.join(pgBin, 'initdb'), [
        '-D',
        primaryDir,
        '-A',
        'trust',
        '-U',
        'postgres',
        '-E',
        'UTF8',
        '--locale=C.UTF-8',
      ]);
      const conf = [
        `port = ${ports.primary}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${dir}'`,
        'wal_level = replica',
        'max_wal_senders = 5',
        'wal_keep_size = 512MB',
        'hot_standby = on',
        'hot_standby_feedback = on',
        'max_connections = 200',
        // What the app's pool would set per connection, which PgBouncer cannot pass on.
        'jit = off',
        'parallel_setup_cost = 10000',
        ...(options.postgresConf ?? []),
      ];
      writeFileSync(
        path.join(primaryDir, 'postgresql.conf'),
        `${readFileSync(path.join(primaryDir, 'postgresql.conf'), 'utf8')}\n${conf.join('\n')}\n`,
      );
      writeFileSync(
        path.join(primaryDir, 'pg_hba.conf'),
        [
          'local all all trust',
          'host all all 127.0.0.1/32 trust',
          'host replication replicator 127.0.0.1/32 trust',
          '',
        ].join('\n'),
      );
      startPostgres(primaryDir, ports.primary);
      cluster.psql(ports.primary, 'create role replicator with replication login');
      cluster.psql(ports.primary, 'create database dangvu');
      log(`primary: PostgreSQL on 127.0.0.1:${ports.primary} (${primaryDir})`);
    },

    /** pg_basebackup -R from the primary (it writes primary_conninfo and standby.signal), start. */
    async startStandby() {
      asPostgres(
        path.join(pgBin, 'pg_basebackup'),
        [
          '-h',
          '127.0.0.1',
          '-p',
          String(ports.primary),
          '-U',
          'replicator',
          '-D',
          standbyDir,
          '-R',
          '-X',
          'stream',
          '-c',
          'fast',
          '-d',
          `host=127.0.0.1 port=${ports.primary} user=replicator application_name=standby1`,
        ],
        600_000,
      );
      const conf = path.join(standbyDir, 'postgresql.conf');
      writeFileSync(conf, `${readFileSync(conf, 'utf8')}\nport = ${ports.standby}\n`);
      startPostgres(standbyDir, ports.standby);
      log(`standby: hot standby on 127.0.0.1:${ports.standby}, streaming from the primary`);
    },

    async startBouncer() {
      writeFileSync(path.join(bouncerDir, 'userlist.txt'), '"postgres" ""\n');
      chownSync(path.join(bouncerDir, 'userlist.txt'), postgresUid(), -1);
      writeBouncerConfig();
      asPostgres('pgbouncer', ['-d', path.join(bouncerDir, 'pgbouncer.ini')]);
      // The pidfile appears before its number is written: wait for the number (a CI run read it
      // empty, failed with "no PID" and left the daemon running).
      const pidFile = path.join(bouncerDir, 'pgbouncer.pid');
      const readPid = () =>
        existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) || 0 : 0;
      await waitFor('the PgBouncer pidfile', () => readPid() > 0, 10_000);
      bouncerPid = readPid();
      track(bouncerPid, 'pgbouncer');
      log(
        `pgbouncer: 127.0.0.1:${ports.bouncer}, transaction mode (dangvu, dangvu_standby), session mode (dangvu_session)`,
      );
    },

    /** Commits wait for the standby's flush (or, `false`, no longer: asynchronous replication). */
    synchronous(on: boolean) {
      cluster.psql(
        primaryPort,
        `alter system set synchronous_standby_names = '${on ? 'standby1' : ''}'`,
      );
      cluster.psql(primaryPort, 'select pg_reload_conf()');
      log(`primary: replication ${on ? 'synchronous (standby1)' : 'asynchronous'}`);
    },
    bouncerAdmin: (command: string) =>
      asPostgres(path.join(pgBin, 'psql'), [
        ...['-h', '127.0.0.1', '-p', String(ports.bouncer), '-U', 'postgres', '-d', 'pgbouncer'],
        ...['-qAtc', command],
      ]),
    /** The end of every log: the apps' output, PgBouncer's and PostgreSQL's logs. */
    diagnose() {
      const tail = (text: string, n = 15) => text.split('\n').slice(-n).join('\n');
      for (const app of apps) log(`app ${app.port} output:\n${tail(app.output.join(''), 60)}`);
      for (const file of [
        path.join(bouncerDir, 'pgbouncer.log'),
        path.join(dir, `postgres-${ports.primary}.log`),
        path.join(dir, `postgres-${ports.standby}.log`),
      ])
        if (existsSync(file)) log(`${file}:\n${tail(readFileSync(file, 'utf8'))}`);
    },

    /** Point PgBouncer's primary pools at another server (after a promotion) and reload it. */
    async repointBouncer(port: number) {
      primaryPort = port;
      writeBouncerConfig();
      cluster.bouncerAdmin('RELOAD');
      await sleep(300);
      log(cluster.bouncerAdmin('SHOW DATABASES'));
      log(`pgbouncer: primary pools now lead to 127.0.0.1:${port} (reloaded)`);
    },

    /** App processes started together (the start-up lock lets one migrate and seed). */
    async startApps(env: Record<string, string> = {}) {
      // Without a built web app each process would run vite build at start, both at once.
      if (!existsSync(path.join(root, 'dist/web/index.html')))
        throw new Error('dist/web is missing: run npm run build first');
      const starting = ports.apps.map(
        (port) =>
          new Promise<AppProcess>((resolve, reject) => {
            const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
              cwd: root,
              env: {
                ...process.env,
                PORT: String(port),
                HOST: '127.0.0.1',
                DATABASE_URL: cluster.appUrls.primary,
                DATABASE_READ_URL: cluster.appUrls.standby,
                DATABASE_LISTEN_URL: cluster.appUrls.listen,
                // PgBouncer 1.18 in transaction mode cannot carry named statements.
                DATABASE_PREPARED_STATEMENTS: 'off',
                DANGVU_DATA_DIR: path.join(dir, `app-${port}`),
                DANGVU_COOKIE_SECRET: 'cluster-cookie-secret-0123456789-abcdefgh',
                NODE_ENV: 'test',
                ...options.appEnv,
                ...env,
              },
              stdio: ['ignore', 'pipe', 'pipe'],
            });
            track(child.pid, `app ${port}`);
            const app: AppProcess = { port, child, output: [] };
            apps.push(app);
            const timer = setTimeout(
              () => reject(new Error(`app ${port} did not start:\n${app.output.join('')}`)),
              600_000,
            );
            const onData = (d: Buffer) => {
              app.output.push(d.toString());
              if (d.toString().includes('dangvu đang chạy tại')) {
                clearTimeout(timer);
                resolve(app);
              }
            };
            child.stdout?.on('data', onData);
            child.stderr?.on('data', (d: Buffer) => app.output.push(d.toString()));
            child.on('exit', (code) => {
              clearTimeout(timer);
              reject(new Error(`app ${port} exited (${code}):\n${app.output.join('')}`));
            });
          }),
      );
      const started = await Promise.all(starting);
      log(
        `apps: ${started.map((a) => `127.0.0.1:${a.port}`).join(', ')} (DATABASE_URL, DATABASE_READ_URL, DATABASE_LISTEN_URL through PgBouncer)`,
      );
      return started;
    },

    async startProxy() {
      const cfg = [
        'global',
        '  maxconn 4096',
        'defaults',
        '  mode http',
        '  timeout connect 2s',
        '  timeout client 60s',
        '  timeout server 60s',
        '  option redispatch',
        '  retries 2',
        // Retried only when the request never reached a process (a dead one): a write is never sent twice.
        '  retry-on conn-failure',
        'frontend web',
        `  bind 127.0.0.1:${ports.proxy}`,
        '  default_backend apps',
        'backend apps',
        '  balance roundrobin',
        '  option httpchk GET /api/health',
        '  http-check expect status 200',
        // A process busy with a burst answers its health check late: 1 s was taken for death, and
        // both processes were marked down under the load test (503 "no server is available").
        '  timeout check 5s',
        ...ports.apps.map(
          (p, i) => `  server app${i + 1} 127.0.0.1:${p} check inter 1s fall 3 rise 1`,
        ),
        '',
      ].join('\n');
      const file = path.join(dir, 'haproxy.cfg');
      writeFileSync(file, cfg);
      execFileSync('haproxy', ['-c', '-q', '-f', file]);
      proxy = spawn('haproxy', ['-db', '-f', file], { stdio: ['ignore', 'ignore', 'pipe'] });
      track(proxy.pid, 'haproxy');
      await waitFor(
        'HAProxy',
        async () => (await fetch(`${cluster.proxyUrl}/api/health`)).ok,
        20_000,
      );
      log(`haproxy: 127.0.0.1:${ports.proxy}, round robin over the apps, health check /api/health`);
    },

    proxyPid: () => proxy?.pid ?? 0,

    /** The primary dies as a machine would: the postmaster and every one of its processes, SIGKILL. */
    killPrimary() {
      const pid = postmasterPid(primaryDir);
      const all = [pid, ...childrenOf(pid)];
      for (const p of all) {
        try {
          process.kill(p, 'SIGKILL');
        } catch {}
      }
      log(`primary: SIGKILL to the postmaster ${pid} and its ${all.length - 1} processes`);
    },
    promoteStandby() {
      pgCtl(['-D', standbyDir, '-w', '-t', '60', 'promote']);
      log('standby: promoted (pg_ctl promote)');
    },
    stopStandby() {
      pgCtl(['-D', standbyDir, '-m', 'fast', '-w', 'stop']);
      log('standby: stopped (pg_ctl stop -m fast)');
    },
    restartStandby() {
      startPostgres(standbyDir, ports.standby);
      log('standby: started again');
    },

    /** Stop everything this run started, by PID, and remove its directory; never throws. */
    async stop() {
      if (proxy?.pid && alive(proxy.pid)) proxy.kill('SIGTERM');
      for (const app of apps) if (app.child.pid && alive(app.child.pid)) app.child.kill('SIGTERM');
      for (const dataDir of [standbyDir, primaryDir]) {
        if (postmasterPid(dataDir) && alive(postmasterPid(dataDir))) {
          try {
            pgCtl(['-D', dataDir, '-m', 'immediate', '-w', '-t', '20', 'stop']);
          } catch {}
        }
      }
      if (bouncerPid && alive(bouncerPid)) process.kill(bouncerPid, 'SIGTERM');
      const end = Date.now() + 10_000;
      while (Date.now() < end && [...pids].some(alive)) await sleep(200);
      for (const pid of pids) {
        if (!alive(pid)) continue;
        for (const child of childrenOf(pid)) {
          try {
            process.kill(child, 'SIGKILL');
          } catch {}
        }
        try {
          process.kill(pid, 'SIGKILL');
        } catch {}
      }
      const left = [...pids].filter(alive);
      rmSync(dir, { recursive: true, force: true });
      log(
        left.length
          ? `stopped; still alive: ${left.join(', ')}`
          : `stopped every process (${pids.size}) and removed ${dir}`,
      );
    },
  };
  return cluster;
};

export type Cluster = ReturnType<typeof createCluster>;

/** Run `work` on a cluster and always stop it: on success, failure, a signal or the time limit. */
export const withCluster = async (
  options: ClusterOptions & { limitMs: number },
  work: (cluster: Cluster) => Promise<void>,
) => {
  const cluster = createCluster(options);
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= cluster.stop();
    return stopping;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping the cluster`);
    stop().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const limit = setTimeout(() => {
    log(`time limit (${options.limitMs / 1000} s) reached: stopping the cluster`);
    stop().finally(() => process.exit(124));
  }, options.limitMs);
  try {
    await work(cluster);
  } catch (error) {
    cluster.diagnose();
    throw error;
  } finally {
    clearTimeout(limit);
    await stop();
  }
};
