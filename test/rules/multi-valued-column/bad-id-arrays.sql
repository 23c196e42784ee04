-- Arrays of ids: integers and uuids always; text ids when the name leads to a table.
CREATE TABLE "Label" ("id" TEXT NOT NULL, CONSTRAINT "Label_pkey" PRIMARY KEY ("id"));

CREATE TABLE "Issue" (
    "id" TEXT NOT NULL,
    "labelIds" TEXT[],
    "watcher_ids" UUID[] NOT NULL DEFAULT '{}',
    "blockedByIds" BIGINT[],
    CONSTRAINT "Issue_pkey" PRIMARY KEY ("id")
);
