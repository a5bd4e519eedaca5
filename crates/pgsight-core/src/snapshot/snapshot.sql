-- pgsight health snapshot, version 1.
--
-- One read-only statement that returns one JSON document: tables, indexes and
-- constraints with their statistics, key settings, cache hit ratio, transaction ID
-- age, connections, and the top statements of pg_stat_statements when it is loaded.
-- It needs no superuser (pg_read_all_stats shows every session and query text),
-- writes nothing and changes no setting. Run it with psql on the database to check:
--
--   psql -X -A -t -f pgsight-snapshot.sql "postgres://user@host/db" > snapshot.json
--   pgsight analyze --schema snapshot.json
--
-- Table sizes wait for a lock a running ALTER TABLE holds; to give up instead, run it
-- with PGOPTIONS='-c lock_timeout=5s -c statement_timeout=60s'. Written for PostgreSQL 12
-- to 18, managed services included (RDS, Cloud SQL, Azure, Neon).
--
-- pg_stat_statements is read through query_to_xml: the view is named only in a
-- string that runs when the extension is installed and its library loaded, so the
-- statement also works on servers without it.
SELECT json_build_object(
  'pgsight_snapshot_version', 1,
  'taken_at', now(),
  'server_version', current_setting('server_version'),
  'server_version_num', current_setting('server_version_num')::int,
  'database', current_database(),
  'settings', (
    SELECT json_object_agg(s.name, json_build_object('setting', s.setting, 'unit', s.unit, 'source', s.source) ORDER BY s.name)
    FROM pg_settings s
    WHERE s.name IN ('work_mem', 'maintenance_work_mem', 'shared_buffers', 'effective_cache_size', 'random_page_cost',
                     'seq_page_cost', 'effective_io_concurrency', 'max_connections', 'superuser_reserved_connections',
                     'max_parallel_workers_per_gather', 'default_statistics_target', 'jit', 'statement_timeout',
                     'idle_in_transaction_session_timeout', 'track_io_timing', 'shared_preload_libraries',
                     'autovacuum', 'autovacuum_max_workers', 'autovacuum_naptime', 'autovacuum_vacuum_scale_factor',
                     'autovacuum_vacuum_threshold', 'autovacuum_analyze_scale_factor', 'autovacuum_analyze_threshold',
                     'autovacuum_vacuum_cost_limit', 'autovacuum_vacuum_cost_delay', 'autovacuum_freeze_max_age',
                     'autovacuum_multixact_freeze_max_age', 'vacuum_freeze_min_age', 'track_counts')
  ),
  'database_stats', (
    SELECT json_build_object(
      'blks_hit', d.blks_hit, 'blks_read', d.blks_read, 'xact_commit', d.xact_commit, 'xact_rollback', d.xact_rollback,
      'temp_files', d.temp_files, 'temp_bytes', d.temp_bytes, 'deadlocks', d.deadlocks, 'stats_reset', d.stats_reset,
      'size_bytes', pg_database_size(d.datid))
    FROM pg_stat_database d WHERE d.datname = current_database()
  ),
  'databases', (
    SELECT json_agg(json_build_object('name', d.datname, 'frozen_xid_age', age(d.datfrozenxid), 'min_mxid_age', mxid_age(d.datminmxid))
                    ORDER BY age(d.datfrozenxid) DESC)
    FROM pg_database d
  ),
  'connections', (
    SELECT json_build_object(
      'total', count(*),
      'by_state', (SELECT json_object_agg(st, n) FROM (
          SELECT coalesce(a2.state, 'unknown') AS st, count(*) AS n FROM pg_stat_activity a2
          WHERE a2.backend_type = 'client backend' GROUP BY 1) s),
      'oldest_xact_seconds', max(extract(epoch FROM now() - a.xact_start))::bigint)
    FROM pg_stat_activity a WHERE a.backend_type = 'client backend'
  ),
  'tables', (
    SELECT coalesce(json_agg(json_build_object(
      'schema', n.nspname,
      'name', c.relname,
      'kind', c.relkind,
      'persistence', c.relpersistence,
      'partition_key', CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,
      'partition_of', (SELECT json_build_object('schema', pn.nspname, 'name', pc.relname)
                       FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace
                       WHERE i.inhrelid = c.oid AND c.relispartition),
      'partition_bound', CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END,
      'reltuples', c.reltuples,
      'relpages', c.relpages,
      'table_bytes', pg_relation_size(c.oid),
      'total_bytes', pg_total_relation_size(c.oid),
      'frozen_xid_age', CASE WHEN c.relkind = 'r' THEN age(c.relfrozenxid) END,
      'options', c.reloptions,
      'seq_scan', s.seq_scan, 'seq_tup_read', s.seq_tup_read, 'idx_scan', s.idx_scan, 'idx_tup_fetch', s.idx_tup_fetch,
      'n_tup_ins', s.n_tup_ins, 'n_tup_upd', s.n_tup_upd, 'n_tup_del', s.n_tup_del, 'n_tup_hot_upd', s.n_tup_hot_upd,
      'n_live_tup', s.n_live_tup, 'n_dead_tup', s.n_dead_tup, 'n_mod_since_analyze', s.n_mod_since_analyze,
      'last_vacuum', s.last_vacuum, 'last_autovacuum', s.last_autovacuum,
      'last_analyze', s.last_analyze, 'last_autoanalyze', s.last_autoanalyze,
      'vacuum_count', s.vacuum_count, 'autovacuum_count', s.autovacuum_count,
      'analyze_count', s.analyze_count, 'autoanalyze_count', s.autoanalyze_count,
      'heap_blks_read', io.heap_blks_read, 'heap_blks_hit', io.heap_blks_hit,
      'columns', (
        SELECT json_agg(json_build_object(
          'name', a.attname,
          'type', format_type(a.atttypid, a.atttypmod),
          'not_null', a.attnotnull,
          'default', CASE WHEN a.attgenerated = '' THEN pg_get_expr(ad.adbin, ad.adrelid) END,
          'generated', CASE WHEN a.attgenerated <> '' THEN pg_get_expr(ad.adbin, ad.adrelid) END,
          'identity', nullif(a.attidentity, '')) ORDER BY a.attnum)
        FROM pg_attribute a LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      ),
      'constraints', (
        SELECT json_agg(json_build_object(
          'name', k.conname, 'type', k.contype, 'definition', pg_get_constraintdef(k.oid),
          'index', (SELECT ic.relname FROM pg_class ic WHERE ic.oid = k.conindid AND k.contype IN ('p', 'u', 'x')),
          'inherited', k.conparentid <> 0) ORDER BY k.contype, k.conname)
        FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype IN ('p', 'u', 'f', 'c', 'x')
      ),
      'indexes', (
        SELECT json_agg(json_build_object(
          'name', ic.relname,
          'definition', pg_get_indexdef(x.indexrelid),
          'bytes', pg_relation_size(x.indexrelid),
          'unique', x.indisunique, 'primary', x.indisprimary, 'valid', x.indisvalid, 'ready', x.indisready,
          'constraint', (SELECT k.conname FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.conrelid = c.oid AND k.contype IN ('p', 'u', 'x')),
          'parent_index', (SELECT json_build_object('schema', pn.nspname, 'name', pc.relname)
                           FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace
                           WHERE i.inhrelid = x.indexrelid),
          'idx_scan', si.idx_scan, 'idx_tup_read', si.idx_tup_read, 'idx_tup_fetch', si.idx_tup_fetch) ORDER BY ic.relname)
        FROM pg_index x JOIN pg_class ic ON ic.oid = x.indexrelid
        LEFT JOIN pg_stat_user_indexes si ON si.indexrelid = x.indexrelid
        WHERE x.indrelid = c.oid
      )) ORDER BY n.nspname, c.relname), '[]'::json)
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
    LEFT JOIN pg_statio_user_tables io ON io.relid = c.oid
    WHERE c.relkind IN ('r', 'p')
      AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp%'
      AND NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.classid = 'pg_class'::regclass AND dep.objid = c.oid AND dep.deptype = 'e')
  ),
  'pg_stat_statements', CASE
    WHEN NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements') THEN 'not installed'
    WHEN NOT EXISTS (SELECT 1 FROM pg_settings WHERE name = 'pg_stat_statements.max') THEN 'not loaded'
    ELSE 'available' END,
  'statements', (
    SELECT CASE WHEN e.nspname IS NOT NULL AND EXISTS (SELECT 1 FROM pg_settings WHERE name = 'pg_stat_statements.max') THEN
      convert_from(decode(substring(query_to_xml(format(
        $q$SELECT encode(convert_to(coalesce(json_agg(t ORDER BY t.total_ms DESC), '[]')::text, 'UTF8'), 'base64') AS j
           FROM (SELECT p.queryid, p.query, p.calls, p.rows, p.%2$I AS total_ms, p.%3$I AS mean_ms,
                        p.shared_blks_hit, p.shared_blks_read, p.temp_blks_written
                 FROM %1$I.pg_stat_statements p
                 WHERE p.dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                   AND p.query IS NOT NULL AND p.calls > 0
                 ORDER BY p.%2$I DESC LIMIT 20) t$q$,
        e.nspname,
        CASE WHEN e.has_exec_time THEN 'total_exec_time' ELSE 'total_time' END,
        CASE WHEN e.has_exec_time THEN 'mean_exec_time' ELSE 'mean_time' END),
        false, false, '')::text FROM '<j>([^<]*)</j>'), 'base64'), 'UTF8')::json
    END
    FROM (SELECT (SELECT n.nspname FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace WHERE x.extname = 'pg_stat_statements') AS nspname,
                 EXISTS (SELECT 1 FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace
                         JOIN pg_class v ON v.relnamespace = n.oid AND v.relname = 'pg_stat_statements'
                         JOIN pg_attribute a ON a.attrelid = v.oid AND a.attname = 'total_exec_time'
                         WHERE x.extname = 'pg_stat_statements') AS has_exec_time) e
  )
);
