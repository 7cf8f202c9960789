package charts

import (
	"bufio"
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"image"
	"image/color"
	"io"
	"testing"
)

// encodePNGRef is encodePNG as it was before it filtered opaque rows straight
// from the image (a copy of each pixel into a row buffer, then Up): the
// reference its output must equal byte for byte.
func encodePNGRef(w io.Writer, img *image.RGBA, dpi int) error {
	b := img.Bounds()
	width, height := b.Dx(), b.Dy()
	opaque := img.Opaque()
	bpp := 3
	colorType := byte(2) // truecolour
	if !opaque {
		bpp, colorType = 4, 6 // truecolour with alpha
	}
	bw := bufio.NewWriter(w)
	bw.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8], ihdr[9] = 8, colorType // bit depth; compression, filter, interlace 0
	writeChunk(bw, "IHDR", ihdr[:])
	var phys [9]byte
	ppm := uint32(float64(dpi)/0.0254 + 0.5) // 300 dpi → 11811 px/m
	binary.BigEndian.PutUint32(phys[0:], ppm)
	binary.BigEndian.PutUint32(phys[4:], ppm)
	phys[8] = 1 // unit: metre
	writeChunk(bw, "pHYs", phys[:])

	idat := &chunkWriter{w: bw, typ: "IDAT"}
	zw, err := zlib.NewWriterLevel(idat, zlib.BestSpeed)
	if err != nil {
		return err
	}
	prev := make([]byte, width*bpp)
	cur := make([]byte, width*bpp)
	line := make([]byte, 1+width*bpp)
	line[0] = 2 // filter: Up
	for y := range height {
		row := img.Pix[(y+b.Min.Y-img.Rect.Min.Y)*img.Stride+(b.Min.X-img.Rect.Min.X)*4:]
		if opaque {
			for x := range width {
				copy(cur[x*3:x*3+3], row[x*4:x*4+3])
			}
		} else { // PNG stores straight alpha, image.RGBA premultiplied
			for x := range width {
				c := color.NRGBAModel.Convert(img.RGBAAt(b.Min.X+x, b.Min.Y+y)).(color.NRGBA)
				cur[x*4], cur[x*4+1], cur[x*4+2], cur[x*4+3] = c.R, c.G, c.B, c.A
			}
		}
		for i, c := range cur {
			line[1+i] = c - prev[i]
		}
		if _, err := zw.Write(line); err != nil {
			return err
		}
		prev, cur = cur, prev
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := idat.flush(); err != nil {
		return err
	}
	writeChunk(bw, "IEND", nil)
	return bw.Flush()
}

// TestEncodePNGSameBytes checks that encodePNG writes the same bytes as
// encodePNGRef: opaque and not, sub-images, one pixel wide or high, and
// more rows than one IDAT chunk holds.
func TestEncodePNGSameBytes(t *testing.T) {
	tests := []struct {
		name   string
		rect   image.Rectangle
		sub    image.Rectangle // zero: the whole image
		opaque bool
	}{
		{"opaque", image.Rect(0, 0, 70, 300), image.Rectangle{}, true},
		{"alpha", image.Rect(0, 0, 70, 300), image.Rectangle{}, false},
		{"opaque sub-image", image.Rect(0, 0, 70, 300), image.Rect(5, 7, 60, 290), true},
		{"alpha sub-image", image.Rect(0, 0, 70, 300), image.Rect(5, 7, 60, 290), false},
		{"one pixel", image.Rect(0, 0, 1, 1), image.Rectangle{}, true},
		{"one row", image.Rect(0, 0, 33, 1), image.Rectangle{}, true},
		{"one column", image.Rect(0, 0, 1, 40), image.Rectangle{}, true},
		{"offset origin", image.Rect(-3, 4, 20, 30), image.Rectangle{}, true},
		{"many rows", image.Rect(0, 0, 300, 400), image.Rectangle{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			img := image.NewRGBA(tt.rect)
			for i := range img.Pix {
				img.Pix[i] = byte(i*7 + i/13 + i/301)
				if i%4 == 3 && tt.opaque {
					img.Pix[i] = 255
				}
			}
			if tt.sub != (image.Rectangle{}) {
				img = img.SubImage(tt.sub).(*image.RGBA)
			}
			var got, want bytes.Buffer
			if err := encodePNG(&got, img, 300); err != nil {
				t.Fatal(err)
			}
			if err := encodePNGRef(&want, img, 300); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("%d bytes, differ from the reference's %d", got.Len(), want.Len())
			}
		})
	}
}

// BenchmarkEncodePNG encodes an opaque 1050 x 2000 image (a chart at
// 300 dpi, one column wide).
func BenchmarkEncodePNG(b *testing.B) {
	img := image.NewRGBA(image.Rect(0, 0, 1050, 2000))
	for i := range img.Pix {
		img.Pix[i] = 255
		if (i/4)%97 < 3 && i%4 != 3 {
			img.Pix[i] = byte(i) // a few coloured pixels; alpha stays 255
		}
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(img.Pix)))
	for b.Loop() {
		if err := encodePNG(io.Discard, img, 300); err != nil {
			b.Fatal(err)
		}
	}
}
