/*
 * The import's floor: what SQLite itself takes to upsert 1,000,000 ticket rows shaped like the import
 * bench's (same table, same three secondary indexes, WAL, synchronous=NORMAL, a key lookup per batch
 * through json_each), with no .NET in the way. If this program cannot reach a rows-per-second target,
 * no change to the C# import can. Not part of the build or the tests.
 *
 *   gcc -O2 floor.c -o /tmp/sqlite-floor -lsqlite3      (Debian: apt-get install libsqlite3-dev)
 *   /tmp/sqlite-floor /tmp/floor.db INDEXES CACHE_KIB BATCH PAGE_SIZE LOOKUP
 *   e.g. /tmp/sqlite-floor /tmp/floor.db 1 32768 2000 16384 1     (the import's settings)
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
static double now(){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec/1e9;}
int main(int argc,char**argv){
  const char* path=argv[1]; int indexes=atoi(argv[2]); int cache=-atoi(argv[3]); int batch=atoi(argv[4]); int page=atoi(argv[5]); int lookup=atoi(argv[6]);
  remove(path); char wal[512]; sprintf(wal,"%s-wal",path); remove(wal);
  sqlite3*db; sqlite3_open(path,&db); char sql[4096];
  sprintf(sql,"PRAGMA page_size=%d; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=%d; PRAGMA wal_autocheckpoint=4000;",page,cache);
  sqlite3_exec(db,sql,0,0,0);
  sqlite3_exec(db,"CREATE TABLE tickets (source TEXT NOT NULL, ticket_id TEXT NOT NULL, kind TEXT NOT NULL, title TEXT, category TEXT, subcategory TEXT, priority TEXT, channel TEXT, team TEXT, assignee TEXT, resolved_by TEXT, opened_at TEXT NOT NULL, first_response_at TEXT, resolved_at TEXT, closed_at TEXT, due_at TEXT, sla_breached INTEGER, reopen_count INTEGER NOT NULL DEFAULT 0, reassignment_count INTEGER NOT NULL DEFAULT 0, proactive INTEGER NOT NULL DEFAULT 0, time_spent_minutes INTEGER, problem_id TEXT, caused_by_change TEXT, updated_at TEXT NOT NULL, row_hash INTEGER NOT NULL, import_fingerprint TEXT, import_line INTEGER, PRIMARY KEY (source, ticket_id)) WITHOUT ROWID;",0,0,0);
  if(indexes) sqlite3_exec(db,"CREATE INDEX ix1 ON tickets (team, opened_at); CREATE INDEX ix2 ON tickets (resolved_at); CREATE INDEX ix3 ON tickets (updated_at);",0,0,0);
  const char* cols="source,ticket_id,kind,title,category,subcategory,priority,channel,team,assignee,resolved_by,opened_at,first_response_at,resolved_at,closed_at,due_at,sla_breached,reopen_count,reassignment_count,proactive,time_spent_minutes,problem_id,caused_by_change,updated_at,row_hash,import_fingerprint,import_line";
  sprintf(sql,"INSERT INTO tickets (%s) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,?24,?25,?26,?27) ON CONFLICT (source,ticket_id) DO UPDATE SET kind=excluded.kind, title=excluded.title, updated_at=excluded.updated_at, row_hash=excluded.row_hash",cols);
  sqlite3_stmt*st; if(sqlite3_prepare_v2(db,sql,-1,&st,0)){printf("%s\n",sqlite3_errmsg(db));return 1;}
  sqlite3_stmt*sel; sqlite3_prepare_v2(db,"SELECT ticket_id,row_hash,import_fingerprint,import_line FROM tickets WHERE source=?1 AND ticket_id IN (SELECT value FROM json_each(?2))",-1,&sel,0);
  const char* groups[]={"Service Desk","Workplace","Network & Security","Applications","Identity & Access","Infrastructure"};
  srand(1); double t0=now(); char buf[27][64]; time_t base=1609488000;
  int N=1000000; if(batch>100000){printf("BATCH at most 100000\n");return 2;}
  for(int i=0;i<N;i++){
    if(i%batch==0){ if(i) sqlite3_exec(db,"COMMIT",0,0,0); sqlite3_exec(db,"BEGIN",0,0,0);
      if(lookup){ static char js[16*100000+2]; int p=0; js[p++]='['; for(int k=0;k<batch&&i+k<N;k++){ p+=sprintf(js+p,"%s\"INC%07d\"",k?",":"",i+k+1);} js[p++]=']'; js[p]=0;
        sqlite3_bind_text(sel,1,"servicenow",-1,SQLITE_STATIC); sqlite3_bind_text(sel,2,js,p,SQLITE_STATIC); while(sqlite3_step(sel)==SQLITE_ROW){} sqlite3_reset(sel);} }
    time_t o=base+i*150+rand()%7200; time_t r=o+300+rand()%(86400*5); struct tm tm;
    sqlite3_bind_text(st,1,"servicenow",-1,SQLITE_STATIC);
    sprintf(buf[1],"INC%07d",i+1); sqlite3_bind_text(st,2,buf[1],-1,SQLITE_TRANSIENT);
    sqlite3_bind_text(st,3,"incident",-1,SQLITE_STATIC);
    sqlite3_bind_text(st,4,"Printer on floor 3 does not print, user reports \"paper jam\"",-1,SQLITE_STATIC);
    sqlite3_bind_text(st,5,"Hardware",-1,SQLITE_STATIC); sqlite3_bind_text(st,6,"General",-1,SQLITE_STATIC);
    sqlite3_bind_text(st,7,"3 - Moderate",-1,SQLITE_STATIC); sqlite3_bind_text(st,8,"phone",-1,SQLITE_STATIC);
    sqlite3_bind_text(st,9,groups[rand()%6],-1,SQLITE_STATIC);
    sprintf(buf[9],"Agent %03d",rand()%300); sqlite3_bind_text(st,10,buf[9],-1,SQLITE_TRANSIENT); sqlite3_bind_text(st,11,buf[9],-1,SQLITE_TRANSIENT);
    gmtime_r(&o,&tm); strftime(buf[11],64,"%Y-%m-%dT%H:%M:%S.0000000+00:00",&tm); sqlite3_bind_text(st,12,buf[11],-1,SQLITE_TRANSIENT);
    sqlite3_bind_null(st,13);
    gmtime_r(&r,&tm); strftime(buf[13],64,"%Y-%m-%dT%H:%M:%S.0000000+00:00",&tm); sqlite3_bind_text(st,14,buf[13],-1,SQLITE_TRANSIENT); sqlite3_bind_text(st,15,buf[13],-1,SQLITE_TRANSIENT);
    sqlite3_bind_null(st,16); sqlite3_bind_int64(st,17,0); sqlite3_bind_int64(st,18,0); sqlite3_bind_int64(st,19,1); sqlite3_bind_int64(st,20,0); sqlite3_bind_null(st,21); sqlite3_bind_null(st,22); sqlite3_bind_null(st,23);
    sqlite3_bind_text(st,24,buf[13],-1,SQLITE_TRANSIENT); sqlite3_bind_int64(st,25,((long long)rand()<<32)^rand()); sqlite3_bind_text(st,26,"0123456789abcdef0123456789abcdef",-1,SQLITE_STATIC); sqlite3_bind_int64(st,27,i+2);
    if(sqlite3_step(st)!=SQLITE_DONE){printf("%s\n",sqlite3_errmsg(db));return 1;} sqlite3_reset(st);
  }
  sqlite3_exec(db,"COMMIT",0,0,0); double t=now()-t0;
  printf("idx=%d cache=%d batch=%d page=%d lookup=%d: %.2f s = %.0f rows/s (lib %s)\n",indexes,cache,batch,page,lookup,t,N/t,sqlite3_libversion());
  sqlite3_close(db); return 0;
}
