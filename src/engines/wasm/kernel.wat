;; The two dense products of one GD step on the two-layer leaky-ReLU net (docs/theory.md §1), with f64x2 SIMD.
;;
;;   forward(x, w, z, n, d, m):              Z[i*m+j]  = Σ_k X[i*d+k] · W[j*d+k]       (Z = X Wᵀ, n×m)
;;   backwardUpdate(x, c, w, n, d, m, lr):   W[j*d+k] −= lr · Σ_i C[i*m+j] · X[i*d+k]  (W −= lr · Cᵀ X)
;;
;; x, w, z, c are byte offsets of row-major float64 matrices in the exported memory (X n×d, W m×d,
;; Z and C n×m); n, d, m ≥ 1. Buffers must not overlap. Nothing is allocated; only the outputs are written.
;;
;; Summation order (deterministic, independent of where an entry falls in the register tiles):
;;   forward:  lane 0 of an f64x2 accumulator sums the even k in increasing order, lane 1 the odd k,
;;             both starting from +0; then Z = (lane0 + lane1), plus X[i,d−1]·W[j,d−1] when d is odd.
;;             This differs from a left-to-right loop, so Z differs from one in the last bits; it obeys
;;             the same bound |ΔZ| ≤ γ_d Σ_k |X[i,k] W[j,k]| (Higham §3.1, any order).
;;   backward: s = Σ_i C[i,j] X[i,k] in increasing i from +0, then W ← W − (lr · s): exactly the plain
;;             loop `s = 0; for i: s += C[i*m+j]*X[i*d+k]; W[j*d+k] -= lr*s`, bit for bit.
;; There is no fused multiply-add in this instruction set, so every product is rounded once.
;;
;; Register tiles: forward computes 2 data rows × 4 weight rows at a time (8 f64x2 accumulators, 6 loads
;; per 16 multiply-adds); backward updates 4 weight rows × 4 columns at a time, accumulating over all i
;; (8 accumulators, 2 loads of X and 4 splatted loads of C per i). Remainder rows and columns use
;; smaller tiles with the same order.
(module
  (memory (export "memory") 1)

  ;; ---------------------------------------------------------------- forward

  ;; Writes z ← (lane0 + lane1 of acc) + [odd] x·w, where x and w are the last elements of the two rows.
  (func $finish (param $zp i32) (param $acc v128) (param $xp i32) (param $wp i32) (param $odd i32)
    (local $s f64)
    (local.set $s (f64.add (f64x2.extract_lane 0 (local.get $acc)) (f64x2.extract_lane 1 (local.get $acc))))
    (if (local.get $odd)
      (then (local.set $s (f64.add (local.get $s) (f64.mul (f64.load (local.get $xp)) (f64.load (local.get $wp)))))))
    (f64.store (local.get $zp) (local.get $s)))

  ;; Tile: data rows x0, x0+rs; weight rows w0 .. w0+3rs. dp = bytes of the even-length part of a row,
  ;; zp = address of Z[i,j], zs = bytes per Z row.
  (func $tile2x4 (param $x0 i32) (param $w0 i32) (param $rs i32) (param $dp i32) (param $odd i32)
                 (param $zp i32) (param $zs i32)
    (local $x1 i32) (local $w1 i32) (local $w2 i32) (local $w3 i32) (local $p i32)
    (local $xa v128) (local $xb v128) (local $v v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $b3 v128)
    (local.set $x1 (i32.add (local.get $x0) (local.get $rs)))
    (local.set $w1 (i32.add (local.get $w0) (local.get $rs)))
    (local.set $w2 (i32.add (local.get $w1) (local.get $rs)))
    (local.set $w3 (i32.add (local.get $w2) (local.get $rs)))
    (block $done
      (loop $k
        (br_if $done (i32.ge_u (local.get $p) (local.get $dp)))
        (local.set $xa (v128.load (i32.add (local.get $x0) (local.get $p))))
        (local.set $xb (v128.load (i32.add (local.get $x1) (local.get $p))))
        (local.set $v (v128.load (i32.add (local.get $w0) (local.get $p))))
        (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $xa) (local.get $v))))
        (local.set $b0 (f64x2.add (local.get $b0) (f64x2.mul (local.get $xb) (local.get $v))))
        (local.set $v (v128.load (i32.add (local.get $w1) (local.get $p))))
        (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $xa) (local.get $v))))
        (local.set $b1 (f64x2.add (local.get $b1) (f64x2.mul (local.get $xb) (local.get $v))))
        (local.set $v (v128.load (i32.add (local.get $w2) (local.get $p))))
        (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (local.get $xa) (local.get $v))))
        (local.set $b2 (f64x2.add (local.get $b2) (f64x2.mul (local.get $xb) (local.get $v))))
        (local.set $v (v128.load (i32.add (local.get $w3) (local.get $p))))
        (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (local.get $xa) (local.get $v))))
        (local.set $b3 (f64x2.add (local.get $b3) (f64x2.mul (local.get $xb) (local.get $v))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $k)))
    (call $finish (local.get $zp) (local.get $a0)
      (i32.add (local.get $x0) (local.get $dp)) (i32.add (local.get $w0) (local.get $dp)) (local.get $odd))
    (call $finish (i32.add (local.get $zp) (i32.const 8)) (local.get $a1)
      (i32.add (local.get $x0) (local.get $dp)) (i32.add (local.get $w1) (local.get $dp)) (local.get $odd))
    (call $finish (i32.add (local.get $zp) (i32.const 16)) (local.get $a2)
      (i32.add (local.get $x0) (local.get $dp)) (i32.add (local.get $w2) (local.get $dp)) (local.get $odd))
    (call $finish (i32.add (local.get $zp) (i32.const 24)) (local.get $a3)
      (i32.add (local.get $x0) (local.get $dp)) (i32.add (local.get $w3) (local.get $dp)) (local.get $odd))
    (local.set $zp (i32.add (local.get $zp) (local.get $zs)))
    (call $finish (local.get $zp) (local.get $b0)
      (i32.add (local.get $x1) (local.get $dp)) (i32.add (local.get $w0) (local.get $dp)) (local.get $odd))
    (call $finish (i32.add (local.get $zp) (i32.const 8)) (local.get $b1)
      (i32.add (local.get $x1) (local.get $dp)) (i32.add (local.get $w1) (local.get $dp)) (local.get $odd))
    (call $finish (i32.add (local.get $zp) (i32.const 16)) (local.get $b2)
      (i32.add (local.get $x1) (local.get $dp)) (i32.add (local.get $w2) (local.get $dp)) (local.get $odd))
    (call $finish (i32.add (local.get $zp) (i32.const 24)) (local.get $b3)
      (i32.add (local.get $x1) (local.get $dp)) (i32.add (local.get $w3) (local.get $dp)) (local.get $odd)))

  ;; Tile: data rows x0, x0+rs; one weight row w0.
  (func $tile2x1 (param $x0 i32) (param $w0 i32) (param $rs i32) (param $dp i32) (param $odd i32)
                 (param $zp i32) (param $zs i32)
    (local $x1 i32) (local $p i32) (local $v v128) (local $a0 v128) (local $b0 v128)
    (local.set $x1 (i32.add (local.get $x0) (local.get $rs)))
    (block $done
      (loop $k
        (br_if $done (i32.ge_u (local.get $p) (local.get $dp)))
        (local.set $v (v128.load (i32.add (local.get $w0) (local.get $p))))
        (local.set $a0 (f64x2.add (local.get $a0)
          (f64x2.mul (v128.load (i32.add (local.get $x0) (local.get $p))) (local.get $v))))
        (local.set $b0 (f64x2.add (local.get $b0)
          (f64x2.mul (v128.load (i32.add (local.get $x1) (local.get $p))) (local.get $v))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $k)))
    (call $finish (local.get $zp) (local.get $a0)
      (i32.add (local.get $x0) (local.get $dp)) (i32.add (local.get $w0) (local.get $dp)) (local.get $odd))
    (call $finish (i32.add (local.get $zp) (local.get $zs)) (local.get $b0)
      (i32.add (local.get $x1) (local.get $dp)) (i32.add (local.get $w0) (local.get $dp)) (local.get $odd)))

  ;; Tile: one data row x0; weight rows w0 .. w0+3rs.
  (func $tile1x4 (param $x0 i32) (param $w0 i32) (param $rs i32) (param $dp i32) (param $odd i32)
                 (param $zp i32)
    (local $w1 i32) (local $w2 i32) (local $w3 i32) (local $p i32)
    (local $xa v128) (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local.set $w1 (i32.add (local.get $w0) (local.get $rs)))
    (local.set $w2 (i32.add (local.get $w1) (local.get $rs)))
    (local.set $w3 (i32.add (local.get $w2) (local.get $rs)))
    (block $done
      (loop $k
        (br_if $done (i32.ge_u (local.get $p) (local.get $dp)))
        (local.set $xa (v128.load (i32.add (local.get $x0) (local.get $p))))
        (local.set $a0 (f64x2.add (local.get $a0)
          (f64x2.mul (local.get $xa) (v128.load (i32.add (local.get $w0) (local.get $p))))))
        (local.set $a1 (f64x2.add (local.get $a1)
          (f64x2.mul (local.get $xa) (v128.load (i32.add (local.get $w1) (local.get $p))))))
        (local.set $a2 (f64x2.add (local.get $a2)
          (f64x2.mul (local.get $xa) (v128.load (i32.add (local.get $w2) (local.get $p))))))
        (local.set $a3 (f64x2.add (local.get $a3)
          (f64x2.mul (local.get $xa) (v128.load (i32.add (local.get $w3) (local.get $p))))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $k)))
    (call $finish (local.get $zp) (local.get $a0)
      (i32.add (local.get $x0) (local.get $dp)) (i32.add (local.get $w0) (local.get $dp)) (local.get $odd))
    (call $finish (i32.add (local.get $zp) (i32.const 8)) (local.get $a1)
      (i32.add (local.get $x0) (local.get $dp)) (i32.add (local.get $w1) (local.get $dp)) (local.get $odd))
    (call $finish (i32.add (local.get $zp) (i32.const 16)) (local.get $a2)
      (i32.add (local.get $x0) (local.get $dp)) (i32.add (local.get $w2) (local.get $dp)) (local.get $odd))
    (call $finish (i32.add (local.get $zp) (i32.const 24)) (local.get $a3)
      (i32.add (local.get $x0) (local.get $dp)) (i32.add (local.get $w3) (local.get $dp)) (local.get $odd)))

  ;; Tile: one data row, one weight row.
  (func $tile1x1 (param $x0 i32) (param $w0 i32) (param $dp i32) (param $odd i32) (param $zp i32)
    (local $p i32) (local $a0 v128)
    (block $done
      (loop $k
        (br_if $done (i32.ge_u (local.get $p) (local.get $dp)))
        (local.set $a0 (f64x2.add (local.get $a0)
          (f64x2.mul (v128.load (i32.add (local.get $x0) (local.get $p)))
                     (v128.load (i32.add (local.get $w0) (local.get $p))))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $k)))
    (call $finish (local.get $zp) (local.get $a0)
      (i32.add (local.get $x0) (local.get $dp)) (i32.add (local.get $w0) (local.get $dp)) (local.get $odd)))

  (func (export "forward") (param $x i32) (param $w i32) (param $z i32) (param $n i32) (param $d i32) (param $m i32)
    (local $rs i32) (local $dp i32) (local $odd i32) (local $zs i32)
    (local $i i32) (local $j i32) (local $xi i32) (local $zi i32)
    (local.set $rs (i32.shl (local.get $d) (i32.const 3)))
    (local.set $dp (i32.shl (i32.and (local.get $d) (i32.const -2)) (i32.const 3)))
    (local.set $odd (i32.and (local.get $d) (i32.const 1)))
    (local.set $zs (i32.shl (local.get $m) (i32.const 3)))
    ;; Pairs of data rows.
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.gt_u (i32.add (local.get $i) (i32.const 2)) (local.get $n)))
        (local.set $xi (i32.add (local.get $x) (i32.mul (local.get $i) (local.get $rs))))
        (local.set $zi (i32.add (local.get $z) (i32.mul (local.get $i) (local.get $zs))))
        (local.set $j (i32.const 0))
        (block $quadsDone
          (loop $quads
            (br_if $quadsDone (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $m)))
            (call $tile2x4 (local.get $xi) (i32.add (local.get $w) (i32.mul (local.get $j) (local.get $rs)))
              (local.get $rs) (local.get $dp) (local.get $odd)
              (i32.add (local.get $zi) (i32.shl (local.get $j) (i32.const 3))) (local.get $zs))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $quads)))
        (block $singlesDone
          (loop $singles
            (br_if $singlesDone (i32.ge_u (local.get $j) (local.get $m)))
            (call $tile2x1 (local.get $xi) (i32.add (local.get $w) (i32.mul (local.get $j) (local.get $rs)))
              (local.get $rs) (local.get $dp) (local.get $odd)
              (i32.add (local.get $zi) (i32.shl (local.get $j) (i32.const 3))) (local.get $zs))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $singles)))
        (local.set $i (i32.add (local.get $i) (i32.const 2)))
        (br $rows)))
    ;; The last data row when n is odd.
    (if (i32.lt_u (local.get $i) (local.get $n))
      (then
        (local.set $xi (i32.add (local.get $x) (i32.mul (local.get $i) (local.get $rs))))
        (local.set $zi (i32.add (local.get $z) (i32.mul (local.get $i) (local.get $zs))))
        (local.set $j (i32.const 0))
        (block $quadsDone
          (loop $quads
            (br_if $quadsDone (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $m)))
            (call $tile1x4 (local.get $xi) (i32.add (local.get $w) (i32.mul (local.get $j) (local.get $rs)))
              (local.get $rs) (local.get $dp) (local.get $odd)
              (i32.add (local.get $zi) (i32.shl (local.get $j) (i32.const 3))))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $quads)))
        (block $singlesDone
          (loop $singles
            (br_if $singlesDone (i32.ge_u (local.get $j) (local.get $m)))
            (call $tile1x1 (local.get $xi) (i32.add (local.get $w) (i32.mul (local.get $j) (local.get $rs)))
              (local.get $dp) (local.get $odd)
              (i32.add (local.get $zi) (i32.shl (local.get $j) (i32.const 3))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $singles))))))

  ;; ---------------------------------------------------------------- backward with update

  ;; 4 weight rows (w0 .. w0+3rs) × 4 columns starting at the addresses xp (X[0,k]), cp (C[0,j]), w0 (W[j,k]).
  (func $upd4x4 (param $xp i32) (param $cp i32) (param $w0 i32) (param $n i32) (param $rs i32) (param $cs i32)
                (param $lr v128)
    (local $w1 i32) (local $w2 i32) (local $w3 i32)
    (local $xa v128) (local $xb v128) (local $v v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $b3 v128)
    (loop $i
      (local.set $xa (v128.load (local.get $xp)))
      (local.set $xb (v128.load offset=16 (local.get $xp)))
      (local.set $v (v128.load64_splat (local.get $cp)))
      (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $v) (local.get $xa))))
      (local.set $b0 (f64x2.add (local.get $b0) (f64x2.mul (local.get $v) (local.get $xb))))
      (local.set $v (v128.load64_splat offset=8 (local.get $cp)))
      (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $v) (local.get $xa))))
      (local.set $b1 (f64x2.add (local.get $b1) (f64x2.mul (local.get $v) (local.get $xb))))
      (local.set $v (v128.load64_splat offset=16 (local.get $cp)))
      (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (local.get $v) (local.get $xa))))
      (local.set $b2 (f64x2.add (local.get $b2) (f64x2.mul (local.get $v) (local.get $xb))))
      (local.set $v (v128.load64_splat offset=24 (local.get $cp)))
      (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (local.get $v) (local.get $xa))))
      (local.set $b3 (f64x2.add (local.get $b3) (f64x2.mul (local.get $v) (local.get $xb))))
      (local.set $xp (i32.add (local.get $xp) (local.get $rs)))
      (local.set $cp (i32.add (local.get $cp) (local.get $cs)))
      (br_if $i (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.set $w1 (i32.add (local.get $w0) (local.get $rs)))
    (local.set $w2 (i32.add (local.get $w1) (local.get $rs)))
    (local.set $w3 (i32.add (local.get $w2) (local.get $rs)))
    (v128.store (local.get $w0)
      (f64x2.sub (v128.load (local.get $w0)) (f64x2.mul (local.get $lr) (local.get $a0))))
    (v128.store offset=16 (local.get $w0)
      (f64x2.sub (v128.load offset=16 (local.get $w0)) (f64x2.mul (local.get $lr) (local.get $b0))))
    (v128.store (local.get $w1)
      (f64x2.sub (v128.load (local.get $w1)) (f64x2.mul (local.get $lr) (local.get $a1))))
    (v128.store offset=16 (local.get $w1)
      (f64x2.sub (v128.load offset=16 (local.get $w1)) (f64x2.mul (local.get $lr) (local.get $b1))))
    (v128.store (local.get $w2)
      (f64x2.sub (v128.load (local.get $w2)) (f64x2.mul (local.get $lr) (local.get $a2))))
    (v128.store offset=16 (local.get $w2)
      (f64x2.sub (v128.load offset=16 (local.get $w2)) (f64x2.mul (local.get $lr) (local.get $b2))))
    (v128.store (local.get $w3)
      (f64x2.sub (v128.load (local.get $w3)) (f64x2.mul (local.get $lr) (local.get $a3))))
    (v128.store offset=16 (local.get $w3)
      (f64x2.sub (v128.load offset=16 (local.get $w3)) (f64x2.mul (local.get $lr) (local.get $b3)))))

  ;; 1 weight row × 4 columns.
  (func $upd1x4 (param $xp i32) (param $cp i32) (param $w0 i32) (param $n i32) (param $rs i32) (param $cs i32)
                (param $lr v128)
    (local $v v128) (local $a0 v128) (local $b0 v128)
    (loop $i
      (local.set $v (v128.load64_splat (local.get $cp)))
      (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $v) (v128.load (local.get $xp)))))
      (local.set $b0 (f64x2.add (local.get $b0) (f64x2.mul (local.get $v) (v128.load offset=16 (local.get $xp)))))
      (local.set $xp (i32.add (local.get $xp) (local.get $rs)))
      (local.set $cp (i32.add (local.get $cp) (local.get $cs)))
      (br_if $i (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (v128.store (local.get $w0)
      (f64x2.sub (v128.load (local.get $w0)) (f64x2.mul (local.get $lr) (local.get $a0))))
    (v128.store offset=16 (local.get $w0)
      (f64x2.sub (v128.load offset=16 (local.get $w0)) (f64x2.mul (local.get $lr) (local.get $b0)))))

  ;; 4 weight rows × 2 columns.
  (func $upd4x2 (param $xp i32) (param $cp i32) (param $w0 i32) (param $n i32) (param $rs i32) (param $cs i32)
                (param $lr v128)
    (local $w1 i32) (local $w2 i32) (local $w3 i32) (local $xa v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (loop $i
      (local.set $xa (v128.load (local.get $xp)))
      (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (v128.load64_splat (local.get $cp)) (local.get $xa))))
      (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (v128.load64_splat offset=8 (local.get $cp)) (local.get $xa))))
      (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (v128.load64_splat offset=16 (local.get $cp)) (local.get $xa))))
      (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (v128.load64_splat offset=24 (local.get $cp)) (local.get $xa))))
      (local.set $xp (i32.add (local.get $xp) (local.get $rs)))
      (local.set $cp (i32.add (local.get $cp) (local.get $cs)))
      (br_if $i (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.set $w1 (i32.add (local.get $w0) (local.get $rs)))
    (local.set $w2 (i32.add (local.get $w1) (local.get $rs)))
    (local.set $w3 (i32.add (local.get $w2) (local.get $rs)))
    (v128.store (local.get $w0) (f64x2.sub (v128.load (local.get $w0)) (f64x2.mul (local.get $lr) (local.get $a0))))
    (v128.store (local.get $w1) (f64x2.sub (v128.load (local.get $w1)) (f64x2.mul (local.get $lr) (local.get $a1))))
    (v128.store (local.get $w2) (f64x2.sub (v128.load (local.get $w2)) (f64x2.mul (local.get $lr) (local.get $a2))))
    (v128.store (local.get $w3) (f64x2.sub (v128.load (local.get $w3)) (f64x2.mul (local.get $lr) (local.get $a3)))))

  ;; 1 weight row × 2 columns.
  (func $upd1x2 (param $xp i32) (param $cp i32) (param $w0 i32) (param $n i32) (param $rs i32) (param $cs i32)
                (param $lr v128)
    (local $a0 v128)
    (loop $i
      (local.set $a0 (f64x2.add (local.get $a0)
        (f64x2.mul (v128.load64_splat (local.get $cp)) (v128.load (local.get $xp)))))
      (local.set $xp (i32.add (local.get $xp) (local.get $rs)))
      (local.set $cp (i32.add (local.get $cp) (local.get $cs)))
      (br_if $i (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (v128.store (local.get $w0) (f64x2.sub (v128.load (local.get $w0)) (f64x2.mul (local.get $lr) (local.get $a0)))))

  ;; 1 weight row × 1 column (the last column when d is odd), scalar.
  (func $upd1x1 (param $xp i32) (param $cp i32) (param $w0 i32) (param $n i32) (param $rs i32) (param $cs i32)
                (param $lr f64)
    (local $s f64)
    (loop $i
      (local.set $s (f64.add (local.get $s) (f64.mul (f64.load (local.get $cp)) (f64.load (local.get $xp)))))
      (local.set $xp (i32.add (local.get $xp) (local.get $rs)))
      (local.set $cp (i32.add (local.get $cp) (local.get $cs)))
      (br_if $i (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (f64.store (local.get $w0) (f64.sub (f64.load (local.get $w0)) (f64.mul (local.get $lr) (local.get $s)))))

  (func (export "backwardUpdate") (param $x i32) (param $c i32) (param $w i32)
                                  (param $n i32) (param $d i32) (param $m i32) (param $lr f64)
    (local $rs i32) (local $cs i32) (local $d4 i32) (local $k i32) (local $j i32) (local $lrv v128)
    (local.set $rs (i32.shl (local.get $d) (i32.const 3)))
    (local.set $cs (i32.shl (local.get $m) (i32.const 3)))
    (local.set $d4 (i32.shl (i32.and (local.get $d) (i32.const -4)) (i32.const 3)))
    (local.set $lrv (f64x2.splat (local.get $lr)))
    ;; Column blocks of 4 (k is a byte offset within a row).
    (block $blocksDone
      (loop $blocks
        (br_if $blocksDone (i32.ge_u (local.get $k) (local.get $d4)))
        (local.set $j (i32.const 0))
        (block $quadsDone
          (loop $quads
            (br_if $quadsDone (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $m)))
            (call $upd4x4 (i32.add (local.get $x) (local.get $k)) (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 3)))
              (i32.add (i32.add (local.get $w) (i32.mul (local.get $j) (local.get $rs))) (local.get $k))
              (local.get $n) (local.get $rs) (local.get $cs) (local.get $lrv))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $quads)))
        (block $singlesDone
          (loop $singles
            (br_if $singlesDone (i32.ge_u (local.get $j) (local.get $m)))
            (call $upd1x4 (i32.add (local.get $x) (local.get $k)) (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 3)))
              (i32.add (i32.add (local.get $w) (i32.mul (local.get $j) (local.get $rs))) (local.get $k))
              (local.get $n) (local.get $rs) (local.get $cs) (local.get $lrv))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $singles)))
        (local.set $k (i32.add (local.get $k) (i32.const 32)))
        (br $blocks)))
    ;; A remaining pair of columns when d mod 4 ≥ 2.
    (if (i32.and (local.get $d) (i32.const 2))
      (then
        (local.set $j (i32.const 0))
        (block $quadsDone
          (loop $quads
            (br_if $quadsDone (i32.gt_u (i32.add (local.get $j) (i32.const 4)) (local.get $m)))
            (call $upd4x2 (i32.add (local.get $x) (local.get $k)) (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 3)))
              (i32.add (i32.add (local.get $w) (i32.mul (local.get $j) (local.get $rs))) (local.get $k))
              (local.get $n) (local.get $rs) (local.get $cs) (local.get $lrv))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $quads)))
        (block $singlesDone
          (loop $singles
            (br_if $singlesDone (i32.ge_u (local.get $j) (local.get $m)))
            (call $upd1x2 (i32.add (local.get $x) (local.get $k)) (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 3)))
              (i32.add (i32.add (local.get $w) (i32.mul (local.get $j) (local.get $rs))) (local.get $k))
              (local.get $n) (local.get $rs) (local.get $cs) (local.get $lrv))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $singles)))
        (local.set $k (i32.add (local.get $k) (i32.const 16)))))
    ;; The last column when d is odd.
    (if (i32.and (local.get $d) (i32.const 1))
      (then
        (local.set $j (i32.const 0))
        (block $singlesDone
          (loop $singles
            (br_if $singlesDone (i32.ge_u (local.get $j) (local.get $m)))
            (call $upd1x1 (i32.add (local.get $x) (local.get $k)) (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 3)))
              (i32.add (i32.add (local.get $w) (i32.mul (local.get $j) (local.get $rs))) (local.get $k))
              (local.get $n) (local.get $rs) (local.get $cs) (local.get $lr))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $singles))))))
)
