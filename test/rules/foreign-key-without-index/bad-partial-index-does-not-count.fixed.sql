CREATE TABLE "Team" (id uuid PRIMARY KEY);
CREATE TABLE "Member" (id uuid PRIMARY KEY, "teamId" uuid NOT NULL, active boolean NOT NULL);
ALTER TABLE "Member" ADD CONSTRAINT "Member_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" (id);
CREATE INDEX "Member_teamId_idx" ON "Member" ("teamId");
CREATE INDEX "Member_teamId_active_idx" ON "Member" ("teamId") WHERE active;
