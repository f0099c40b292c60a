//! The two migration folders describe one schema (docs/ARCHITECTURE.md "Storage"): applied to a
//! real SQLite file and a real PostgreSQL database, they must leave the same tables, columns
//! (with their NOT NULL) and indexes (with their columns and uniqueness).

use crate::support::{Backend, TestDb};
use klucznik_core::auth::password::Hasher;
use klucznik_core::operator::Operator;
use klucznik_core::store::{Clock, DbUrl};
use sqlx::Row;
use std::collections::BTreeSet;

/// One line per table, column and index, the same words on both backends.
async fn schema(db: &TestDb) -> BTreeSet<String> {
    let operator =
        Operator::open(&DbUrl::parse(&db.url).unwrap(), Clock::default(), Hasher::new()).await.unwrap();
    operator.close().await;
    let pool = db.pool().await;
    let (columns, indexes) = match db.backend {
        Backend::Sqlite => (
            "SELECT m.name, p.name, CASE WHEN p.\"notnull\" = 1 OR p.pk > 0 THEN 'not null' ELSE 'null' END \
             FROM sqlite_master m JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%'",
            // Only the indexes a migration created (constraints' own indexes have no SQL).
            "SELECT m.tbl_name, m.name, \
               CASE WHEN l.\"unique\" = 1 THEN 'unique' ELSE 'plain' END, \
               (SELECT group_concat(name, ',') FROM (SELECT i.name FROM pragma_index_info(m.name) i ORDER BY i.seqno)) \
             FROM sqlite_master m JOIN pragma_index_list(m.tbl_name) l ON l.name = m.name \
             WHERE m.type = 'index' AND m.sql IS NOT NULL",
        ),
        Backend::Postgres => (
            "SELECT table_name::text, column_name::text, \
               CASE WHEN is_nullable::text = 'NO' THEN 'not null' ELSE 'null' END \
             FROM information_schema.columns \
             WHERE table_schema = current_schema() AND table_name::text NOT LIKE '\\_sqlx%'",
            "SELECT i.tablename::text, i.indexname::text, \
               CASE WHEN x.indisunique THEN 'unique' ELSE 'plain' END, \
               (SELECT string_agg(a.attname::text, ',' ORDER BY k.n) \
                  FROM unnest(x.indkey) WITH ORDINALITY AS k(attnum, n) \
                  JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum) \
             FROM pg_indexes i \
             JOIN pg_class c ON c.relname = i.indexname \
             JOIN pg_index x ON x.indexrelid = c.oid \
             WHERE i.schemaname = current_schema() \
               AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = c.oid)",
        ),
    };
    let mut lines = BTreeSet::new();
    for row in sqlx::query(columns).fetch_all(&pool).await.unwrap() {
        let (table, column, null): (String, String, String) = (row.get(0), row.get(1), row.get(2));
        lines.insert(format!("column {table}.{column} {null}"));
    }
    for row in sqlx::query(indexes).fetch_all(&pool).await.unwrap() {
        let (table, name, unique, cols): (String, String, String, String) =
            (row.get(0), row.get(1), row.get(2), row.get(3));
        lines.insert(format!("index {name} on {table}({cols}) {unique}"));
    }
    pool.close().await;
    lines
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_and_postgres_migrations_build_the_same_schema() {
    let sqlite = schema(&TestDb::new(Backend::Sqlite).await).await;
    let postgres = schema(&TestDb::new(Backend::Postgres).await).await;
    for (backend, schema) in [("SQLite", &sqlite), ("PostgreSQL", &postgres)] {
        assert!(
            schema.iter().any(|l| l.starts_with("column users.login not null")),
            "{backend}: {schema:#?}"
        );
        assert!(schema.iter().any(|l| l.starts_with("index ")), "{backend} has no index: {schema:#?}");
    }
    let only_sqlite: Vec<&String> = sqlite.difference(&postgres).collect();
    let only_postgres: Vec<&String> = postgres.difference(&sqlite).collect();
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "the migrations diverge\nonly in SQLite: {only_sqlite:#?}\nonly in PostgreSQL: {only_postgres:#?}"
    );
}
