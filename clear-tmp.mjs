import Database from 'libsql';
const db = new Database(process.argv[2]);
db.exec('DELETE FROM briefings'); db.close();
