package org.onestop.network;

/**
 * The characteristics of an outsourced or shared activity, each on a 1-5 scale, as transaction
 * cost theory uses them to judge which governance mode fits.
 */
public record ActivityProfile(int assetSpecificity, int uncertainty, int frequency) {
}
