-- sqlsight-test: expect-after-fix=foreign-key-without-index
-- Prisma names columns in camelCase and quotes them: "userId" refers to "User", "categoryID" to "Category".
-- "authorId" names no table, so it is not reported.
-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Category" ("id" SERIAL NOT NULL, CONSTRAINT "Category_pkey" PRIMARY KEY ("id"));

-- CreateTable
CREATE TABLE "Post" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "categoryID" INTEGER,

    CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
);
