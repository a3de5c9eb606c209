package dev.stepup.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

  /** A chain of {@code n} records sealed in order, as the sealer writes them. */
  private static List<SealedRecord> chain(int n) {
    List<SealedRecord> records = new ArrayList<>();
    String previous = AuditChain.GENESIS;
    for (int i = 1; i <= n; i++) {
      List<String> fields =
          Arrays.asList(
              String.valueOf(100 + i), "2026-12-01T10:00:0" + i + "Z", "verification", null);
      String hash = AuditChain.link(previous, fields);
      records.add(new SealedRecord(100 + i, i, previous, fields, hash));
      previous = hash;
    }
    return records;
  }

  private static ChainVerifier.Verdict verify(
      List<SealedRecord> records, long headSeq, String headHash) {
    ChainVerifier verifier = new ChainVerifier();
    records.forEach(verifier::accept);
    return verifier.verdict(headSeq, headHash);
  }

  private static ChainVerifier.Verdict verify(List<SealedRecord> records) {
    SealedRecord head = records.get(records.size() - 1);
    return verify(records, head.seq(), head.hash());
  }

  @Test
  void anUntouchedChainIsIntact() {
    ChainVerifier.Verdict verdict = verify(chain(5));
    assertThat(verdict.intact()).isTrue();
    assertThat(verdict.checked()).isEqualTo(5);
    assertThat(verdict.firstSeq()).isEqualTo(1);
  }

  @Test
  void theHashIsTheDocumentedFormula() {
    // previous, newline, then each field as "-" or "<utf-8 bytes>:<value>"
    assertThat(AuditChain.link(AuditChain.GENESIS, Arrays.asList("7", null, "é")))
        .isEqualTo(
            java.util.HexFormat.of()
                .formatHex(sha256(AuditChain.GENESIS + "\n" + "1:7" + "-" + "2:é")));
  }

  @Test
  void aChangedFieldIsFoundAtItsRecord() {
    List<SealedRecord> records = chain(5);
    SealedRecord third = records.get(2);
    List<String> changed = new ArrayList<>(third.fields());
    changed.set(2, "nothing happened");
    records.set(
        2, new SealedRecord(third.id(), third.seq(), third.previous(), changed, third.hash()));

    ChainVerifier.Verdict verdict = verify(records);

    assertThat(verdict.broken())
        .contains(new ChainVerifier.Break(103, 3, ChainVerifier.Kind.ALTERED));
    assertThat(verdict.checked()).isEqualTo(2);
  }

  @Test
  void aChangedRecordWithItsHashRecomputedBreaksTheNextLink() {
    List<SealedRecord> records = chain(5);
    SealedRecord third = records.get(2);
    List<String> changed = new ArrayList<>(third.fields());
    changed.set(2, "nothing happened");
    records.set(
        2,
        new SealedRecord(
            third.id(), 3, third.previous(), changed, AuditChain.link(third.previous(), changed)));

    assertThat(verify(records).broken())
        .contains(new ChainVerifier.Break(104, 4, ChainVerifier.Kind.UNLINKED));
  }

  @Test
  void aRemovedRecordBreaksTheLinkAfterIt() {
    List<SealedRecord> records = chain(5);
    records.remove(1);
    assertThat(verify(records).broken())
        .contains(new ChainVerifier.Break(103, 3, ChainVerifier.Kind.UNLINKED));
  }

  @Test
  void removingTheNewestRecordsIsSeenAgainstTheHead() {
    List<SealedRecord> records = chain(5);
    SealedRecord head = records.get(4);
    assertThat(verify(records.subList(0, 3), head.seq(), head.hash()).broken())
        .contains(new ChainVerifier.Break(103, 3, ChainVerifier.Kind.TRUNCATED));
  }

  @Test
  void recordsPurgedFromTheStartLeaveTheRestVerifiable() {
    List<SealedRecord> kept = chain(5).subList(2, 5);
    ChainVerifier.Verdict verdict = verify(kept);
    assertThat(verdict.intact()).isTrue();
    assertThat(verdict.firstSeq()).isEqualTo(3);
    assertThat(verdict.checked()).isEqualTo(3);
  }

  @Test
  void aForgedFirstRecordMustLinkToGenesis() {
    List<String> fields = List.of("1", "forged");
    String previous = "f".repeat(64);
    SealedRecord forged =
        new SealedRecord(1, 1, previous, fields, AuditChain.link(previous, fields));
    assertThat(verify(List.of(forged)).broken())
        .contains(new ChainVerifier.Break(1, 1, ChainVerifier.Kind.UNLINKED));
  }

  @Test
  void aChainNeverSealedIsIntactAndEmpty() {
    ChainVerifier.Verdict verdict = new ChainVerifier().verdict(0, AuditChain.GENESIS);
    assertThat(verdict.intact()).isTrue();
    assertThat(verdict.checked()).isZero();
  }

  private static byte[] sha256(String text) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
