// The WebAssembly query compilers' JavaScript glue, which @prisma/client ships without type declarations;
// lib/query-plan-cache.ts wraps their compile method.
declare module "@prisma/client/runtime/query_compiler_bg.sqlite.mjs" {
  export class QueryCompiler {
    compile(query: string): unknown;
  }
}
declare module "@prisma/client/runtime/query_compiler_bg.postgresql.mjs" {
  export class QueryCompiler {
    compile(query: string): unknown;
  }
}
