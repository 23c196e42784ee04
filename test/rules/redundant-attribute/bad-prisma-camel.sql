-- Prisma: the foreign key comes at the end of the file, the reference goes by another name than the table.
CREATE TABLE "User" ("id" TEXT NOT NULL, "email" TEXT NOT NULL, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));

CREATE TABLE "Survey" (
    "id" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "authorEmail" TEXT NOT NULL,
    CONSTRAINT "Survey_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "Survey" ADD CONSTRAINT "Survey_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE;
