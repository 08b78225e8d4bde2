-- eligibility publishes the diagnoses of needs (issue 17, part 2) for the territory's dashboard
-- (issue 18): each person's recommended category and the moment of the first diagnosis, nothing
-- of the uses. One dialect for H2 (MODE=LEGACY) and PostgreSQL.
create view need_diagnosed as
select n.beneficiary_id, n.recommended_category as category, n.diagnosed_at
from beneficiary_need n;
