console.log("size check placeholder")
