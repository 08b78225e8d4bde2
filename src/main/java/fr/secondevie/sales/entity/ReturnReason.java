package fr.secondevie.sales.entity;

/**
 * Why a device sold comes back: a DEFECT, under the legal warranty of conformity (24 months from
 * the sale for a used good sold by a professional), or any OTHER reason, within the relay's return
 * period ({@code SECONDEVIE_RETURN_DAYS}).
 */
public enum ReturnReason {
  DEFECT,
  OTHER
}
