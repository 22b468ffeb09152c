-- CreateTable: the host accounts whose user was erased (a digest of the token's `sub`), so a
-- token naming one is refused. Users erased before this migration are not listed (their `sub`
-- was not kept).
CREATE TABLE "ErasedSubject" (
    "subjectHash" TEXT NOT NULL,

    CONSTRAINT "ErasedSubject_pkey" PRIMARY KEY ("subjectHash")
);

-- Nothing new may be written for an erased user, whatever the code path (a request that was
-- authenticated before the erasure, an instance that has not heard of it yet): a row naming an
-- erased user in one of the columns given as arguments is refused with SQLSTATE SE001 and the
-- user's id as DETAIL. A column holds the user's id, or a key `user:<id>` (other keys, such as
-- `session:…` or `email:…`, pass). The user row is locked FOR KEY SHARE, as a foreign key check
-- would: an erasure (which locks it FOR UPDATE first) waits for the writer to commit and then
-- deletes what it wrote, or the writer waits for the erasure and is refused. On UPDATE only a
-- changed reference is checked. `privacy/data.ts` USER_DATA says which columns are guarded.
CREATE FUNCTION "refuse_erased_user"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  col text;
  val text;
  erased timestamp(3);
BEGIN
  FOREACH col IN ARRAY TG_ARGV LOOP
    val := to_jsonb(NEW) ->> col;
    CONTINUE WHEN val IS NULL;
    CONTINUE WHEN TG_OP = 'UPDATE' AND val IS NOT DISTINCT FROM (to_jsonb(OLD) ->> col);
    IF val LIKE 'user:%' THEN
      val := substr(val, 6);
    END IF;
    CONTINUE WHEN val !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
    SELECT u."erasedAt" INTO erased FROM "User" u WHERE u."id" = val::uuid FOR KEY SHARE;
    IF erased IS NOT NULL THEN
      RAISE EXCEPTION 'user % was erased: nothing more is written for them', val
        USING ERRCODE = 'SE001', DETAIL = val, TABLE = TG_TABLE_NAME, COLUMN = col;
    END IF;
  END LOOP;
  RETURN NEW;
END
$$;

CREATE TRIGGER "ShopMember_refuse_erased_user" BEFORE INSERT OR UPDATE OF "userId" ON "ShopMember"
  FOR EACH ROW EXECUTE FUNCTION "refuse_erased_user"('userId');
CREATE TRIGGER "Post_refuse_erased_user" BEFORE INSERT OR UPDATE OF "authorId" ON "Post"
  FOR EACH ROW EXECUTE FUNCTION "refuse_erased_user"('authorId');
CREATE TRIGGER "PostLike_refuse_erased_user" BEFORE INSERT OR UPDATE OF "userId" ON "PostLike"
  FOR EACH ROW EXECUTE FUNCTION "refuse_erased_user"('userId');
CREATE TRIGGER "PostView_refuse_erased_user" BEFORE INSERT OR UPDATE OF "viewerKey" ON "PostView"
  FOR EACH ROW EXECUTE FUNCTION "refuse_erased_user"('viewerKey');
CREATE TRIGGER "PostShare_refuse_erased_user" BEFORE INSERT OR UPDATE OF "userId" ON "PostShare"
  FOR EACH ROW EXECUTE FUNCTION "refuse_erased_user"('userId');
CREATE TRIGGER "UserFollow_refuse_erased_user" BEFORE INSERT OR UPDATE OF "followerId", "followeeId" ON "UserFollow"
  FOR EACH ROW EXECUTE FUNCTION "refuse_erased_user"('followerId', 'followeeId');
CREATE TRIGGER "ShopFollow_refuse_erased_user" BEFORE INSERT OR UPDATE OF "followerId" ON "ShopFollow"
  FOR EACH ROW EXECUTE FUNCTION "refuse_erased_user"('followerId');
CREATE TRIGGER "LiveSession_refuse_erased_user" BEFORE INSERT OR UPDATE OF "hostId" ON "LiveSession"
  FOR EACH ROW EXECUTE FUNCTION "refuse_erased_user"('hostId');
CREATE TRIGGER "LiveSessionViewer_refuse_erased_user" BEFORE INSERT OR UPDATE OF "viewerKey" ON "LiveSessionViewer"
  FOR EACH ROW EXECUTE FUNCTION "refuse_erased_user"('viewerKey');
CREATE TRIGGER "Cart_refuse_erased_user" BEFORE INSERT OR UPDATE OF "userId" ON "Cart"
  FOR EACH ROW EXECUTE FUNCTION "refuse_erased_user"('userId');
CREATE TRIGGER "Order_refuse_erased_user" BEFORE INSERT OR UPDATE OF "buyerId" ON "Order"
  FOR EACH ROW EXECUTE FUNCTION "refuse_erased_user"('buyerId');
CREATE TRIGGER "DiscountRedemption_refuse_erased_user" BEFORE INSERT OR UPDATE OF "buyerKey" ON "DiscountRedemption"
  FOR EACH ROW EXECUTE FUNCTION "refuse_erased_user"('buyerKey');
CREATE TRIGGER "InventoryAdjustment_refuse_erased_user" BEFORE INSERT OR UPDATE OF "actorId" ON "InventoryAdjustment"
  FOR EACH ROW EXECUTE FUNCTION "refuse_erased_user"('actorId');
CREATE TRIGGER "AffiliateLink_refuse_erased_user" BEFORE INSERT OR UPDATE OF "creatorId" ON "AffiliateLink"
  FOR EACH ROW EXECUTE FUNCTION "refuse_erased_user"('creatorId');
CREATE TRIGGER "AffiliateInvitation_refuse_erased_user" BEFORE INSERT OR UPDATE OF "creatorId" ON "AffiliateInvitation"
  FOR EACH ROW EXECUTE FUNCTION "refuse_erased_user"('creatorId');

-- The anonymised user row itself stays as erasure left it: its personal columns, roles and
-- consents are not written again (counters and columns added later are not guarded).
CREATE FUNCTION "refuse_erased_user_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'user % was erased: nothing more is written for them', OLD."id"
    USING ERRCODE = 'SE001', DETAIL = OLD."id"::text, TABLE = TG_TABLE_NAME;
END
$$;

CREATE TRIGGER "User_refuse_erased_user" BEFORE UPDATE OF "externalId", "handle", "displayName", "email", "avatarUrl", "roles", "consentPersonalization", "consentAnalytics" ON "User"
  FOR EACH ROW WHEN (OLD."erasedAt" IS NOT NULL) EXECUTE FUNCTION "refuse_erased_user_update"();
