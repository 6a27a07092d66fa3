-- drizzle-kit writes the column's foreign key without its ON DELETE action; SQLite accepts it in ADD COLUMN.
ALTER TABLE `push_subscriptions` ADD `session_id` text REFERENCES sessions(id) ON DELETE cascade;
