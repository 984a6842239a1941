// Brings the database named by DATABASE_URL (default: the embedded SQLite file) up to date: creates the data
// directory, applies pending migrations, switches SQLite to WAL. Safe to run on every start.
import { prepareDatabase } from "./lib/database";

await prepareDatabase(process.env);
