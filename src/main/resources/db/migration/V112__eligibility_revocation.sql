-- A social worker revokes an eligibility with its reason (issue 17): a decision of its own, kept
-- in the person's history beside the one it ends. One dialect for H2 (MODE=LEGACY) and PostgreSQL.
alter table eligibility_decision drop constraint eligibility_decision_kind;
alter table eligibility_decision add constraint eligibility_decision_kind
    check (decision in ('ELIGIBLE', 'REFUSED', 'REVOKED'));
