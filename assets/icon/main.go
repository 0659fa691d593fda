//go:build ignore

// Command icon draws the cdrdesk application icon (assets/icon.png): a
// rounded blue square with a white telephone handset and a download badge.
//
// Run it from the module root:
//
//	go run assets/icon/main.go                      # writes assets/icon.png (512 px)
//	go run assets/icon/main.go -size 32 -o /tmp/i.png
//
// Every shape is a signed distance function in a 512-unit design space, so
// the icon renders crisp and anti-aliased at any size without supersampling.
package main

import (
	"flag"
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
)

// design is the edge length of the coordinate space the shapes live in.
const design = 512.0

// vec is a point or direction in design space.
type vec struct{ x, y float64 }

func (a vec) sub(b vec) vec       { return vec{a.x - b.x, a.y - b.y} }
func (a vec) add(b vec) vec       { return vec{a.x + b.x, a.y + b.y} }
func (a vec) scale(k float64) vec { return vec{a.x * k, a.y * k} }
func (a vec) dot(b vec) float64   { return a.x*b.x + a.y*b.y }
func (a vec) length() float64     { return math.Hypot(a.x, a.y) }

// polar is the vector of length r at angle (radians, y pointing down).
func polar(r, angle float64) vec { return vec{r * math.Cos(angle), r * math.Sin(angle)} }

// rotate turns p about the origin by -angle, i.e. into a frame rotated by angle.
func rotate(p vec, angle float64) vec {
	s, c := math.Sincos(angle)
	return vec{c*p.x + s*p.y, -s*p.x + c*p.y}
}

// rgba is a straight (non-premultiplied) colour with components in 0..1.
type rgba struct{ r, g, b, a float64 }

// hex is an opaque colour from 0xRRGGBB.
func hex(v uint32) rgba {
	return rgba{float64(v>>16&0xff) / 255, float64(v>>8&0xff) / 255, float64(v&0xff) / 255, 1}
}

// mix interpolates linearly from a (t=0) to b (t=1).
func mix(a, b rgba, t float64) rgba {
	return rgba{a.r + (b.r-a.r)*t, a.g + (b.g-a.g)*t, a.b + (b.b-a.b)*t, a.a + (b.a-a.a)*t}
}

// over composites src with coverage cov on top of dst (Porter-Duff "over").
func over(dst, src rgba, cov float64) rgba {
	sa := src.a * cov
	oa := sa + dst.a*(1-sa)
	if oa == 0 {
		return rgba{}
	}
	f := func(s, d float64) float64 { return (s*sa + d*dst.a*(1-sa)) / oa }
	return rgba{f(src.r, dst.r), f(src.g, dst.g), f(src.b, dst.b), oa}
}

// sdRoundBox is the distance to a box of half-size b with corner radius r.
func sdRoundBox(p, b vec, r float64) float64 {
	q := vec{math.Abs(p.x) - b.x + r, math.Abs(p.y) - b.y + r}
	outside := vec{math.Max(q.x, 0), math.Max(q.y, 0)}.length()
	return outside + math.Min(math.Max(q.x, q.y), 0) - r
}

// sdSegment is the distance to a capsule from a to b with radius r.
func sdSegment(p, a, b vec, r float64) float64 {
	pa, ba := p.sub(a), b.sub(a)
	h := math.Max(0, math.Min(1, pa.dot(ba)/ba.dot(ba)))
	return pa.sub(ba.scale(h)).length() - r
}

// sdArc is the distance to a round-capped arc of the circle (c, radius)
// running counter-clockwise (in screen terms) from angle a0 to a1.
func sdArc(p, c vec, radius, a0, a1, halfWidth float64) float64 {
	d := p.sub(c)
	ang := math.Atan2(d.y, d.x)
	mid := (a0 + a1) / 2
	// Measure the angle relative to the arc's middle so clamping never wraps.
	rel := math.Remainder(ang-mid, 2*math.Pi)
	half := (a1 - a0) / 2
	rel = math.Max(-half, math.Min(half, rel))
	nearest := c.add(polar(radius, mid+rel))
	return p.sub(nearest).length() - halfWidth
}

// smin is a polynomial smooth minimum: unions shapes with a fillet of size k.
func smin(a, b, k float64) float64 {
	h := math.Max(k-math.Abs(a-b), 0) / k
	return math.Min(a, b) - h*h*k/4
}

// coverage turns a distance (design units) into pixel coverage, given the
// size of one pixel in design units.
func coverage(d, px float64) float64 {
	return math.Max(0, math.Min(1, 0.5-d/px))
}

// softness turns a distance into a blurred falloff of width w, for shadows.
func softness(d, w float64) float64 {
	t := math.Max(0, math.Min(1, 0.5-d/w))
	return t * t * (3 - 2*t)
}

// Layout of the artwork, in design units. The handset sits up and left of
// centre so the badge in the bottom-right corner does not hide its mouthpiece.
const (
	tileInset  = 24.0  // transparent margin around the tile
	tileRadius = 104.0 // corner radius of the tile

	handsetX, handsetY = 255.0, 206.0 // centre of the handle's arc
	badgeX, badgeY     = 388.0, 390.0 // centre of the download badge
	badgeRadius        = 63.0
)

// sdTile is the rounded-square background.
func sdTile(p vec) float64 {
	half := design/2 - tileInset
	return sdRoundBox(p.sub(vec{design / 2, design / 2}), vec{half, half}, tileRadius)
}

// sdHandset is a classic telephone handset: a curved handle whose two ends
// carry the ear and mouth pieces, which point towards the arc's centre.
func sdHandset(p vec) float64 {
	const (
		radius = 112.0
		a0     = math.Pi * 0.60 // mouthpiece end, before the tilt
		a1     = math.Pi * 1.40 // earpiece end, before the tilt
	)
	handsetCenter := vec{handsetX, handsetY}
	// Tilt the whole handset so it reads as the familiar diagonal phone.
	q := rotate(p.sub(handsetCenter), -math.Pi/4).add(handsetCenter)
	handle := sdArc(q, handsetCenter, radius, a0, a1, 29)
	piece := func(angle float64) float64 {
		dir := polar(1, angle)
		pc := handsetCenter.add(dir.scale(radius - 20))
		// Local frame: x along the radius, y along the tangent.
		local := rotate(q.sub(pc), angle)
		return sdRoundBox(local, vec{45, 53}, 26)
	}
	return smin(handle, math.Min(piece(a0), piece(a1)), 28)
}

// sdArrow is a downward arrow with a tray underneath, centred on the badge.
func sdArrow(p vec) float64 {
	c := vec{badgeX, badgeY}
	const w = 12.0 // stroke half-width
	shaft := sdSegment(p, c.add(vec{0, -36}), c.add(vec{0, 12}), w)
	left := sdSegment(p, c.add(vec{0, 14}), c.add(vec{-24, -8}), w)
	right := sdSegment(p, c.add(vec{0, 14}), c.add(vec{24, -8}), w)
	tray := sdSegment(p, c.add(vec{-30, 38}), c.add(vec{30, 38}), w)
	return math.Min(math.Min(shaft, tray), math.Min(left, right))
}

// shade returns the colour of the icon at design-space point p, where px is
// the size of one output pixel in design units.
func shade(p vec, px float64) rgba {
	var (
		top     = hex(0x4A90E2)
		bottom  = hex(0x1F5FBF)
		white   = rgba{1, 1, 1, 1}
		shadow  = rgba{0.03, 0.12, 0.30, 1}
		badgeBg = hex(0x16A34A)
	)
	out := rgba{}

	// Background tile: vertical gradient with a faint inner rim for depth.
	tile := sdTile(p)
	bg := mix(top, bottom, p.y/design)
	bg = mix(bg, white, 0.10*softness(-tile-6, 10)*(1-p.y/design))
	out = over(out, bg, coverage(tile, px))
	inside := coverage(tile, px)

	// Handset with a soft drop shadow.
	hs := sdHandset(p)
	out = over(out, shadow, 0.28*inside*softness(sdHandset(p.sub(vec{0, 10})), 26))
	out = over(out, white, coverage(hs, px))

	// Badge: a ring of background colour cuts it free of the handset.
	disc := p.sub(vec{badgeX, badgeY}).length() - badgeRadius
	out = over(out, bg, coverage(disc-12, px))
	out = over(out, badgeBg, coverage(disc, px))
	out = over(out, white, coverage(sdArrow(p), px))
	return out
}

// render draws the icon at size×size pixels, sampling each pixel's centre.
func render(size int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	px := design / float64(size)
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			p := vec{(float64(x) + 0.5) * px, (float64(y) + 0.5) * px}
			c := shade(p, px)
			img.SetNRGBA(x, y, color.NRGBA{
				R: uint8(math.Round(c.r * 255)),
				G: uint8(math.Round(c.g * 255)),
				B: uint8(math.Round(c.b * 255)),
				A: uint8(math.Round(c.a * 255)),
			})
		}
	}
	return img
}

func main() {
	out := flag.String("o", "assets/icon.png", "output PNG path")
	size := flag.Int("size", 512, "edge length in pixels")
	flag.Parse()

	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(f, render(*size)); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}
