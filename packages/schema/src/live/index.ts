// The live shopping domain: types and queries, then mutations (imported for their side effects).
import "./live-session.ts";
import "./mutations.ts";
