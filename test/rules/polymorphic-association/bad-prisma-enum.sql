-- Prisma with text ids: an enum whose values name tables of the schema.
CREATE TYPE "CommentObjectType" AS ENUM ('TRACE', 'OBSERVATION', 'SESSION');

CREATE TABLE "traces" ("id" TEXT NOT NULL, CONSTRAINT "traces_pkey" PRIMARY KEY ("id"));
CREATE TABLE "observations" ("id" TEXT NOT NULL, CONSTRAINT "observations_pkey" PRIMARY KEY ("id"));

CREATE TABLE "comments" (
    "id" TEXT NOT NULL,
    "objectType" "CommentObjectType" NOT NULL,
    "objectId" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    CONSTRAINT "comments_pkey" PRIMARY KEY ("id")
);
