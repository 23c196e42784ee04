-- Attributes of products stored as rows, with bookkeeping columns around them.
CREATE TABLE products (id bigint PRIMARY KEY, name text NOT NULL);

CREATE TABLE product_attributes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  product_id bigint NOT NULL REFERENCES products (id),
  attribute varchar(100) NOT NULL,
  value text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by text
);

CREATE TABLE "UserMeta" (
  "userId" TEXT NOT NULL,
  "metaKey" TEXT NOT NULL,
  "metaValue" JSONB,
  CONSTRAINT "UserMeta_pkey" PRIMARY KEY ("userId", "metaKey")
);
